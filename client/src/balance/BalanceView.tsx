import {
  type AreaBalance,
  BALANCE_METRICS,
  type BalanceMetric,
  formatPercent,
  laneTitle,
  type ParticipationBalance,
  type RoleShares,
} from '@costudio/shared';
import './balance.css';
import { useT } from '../i18n/useT.ts';

const METRIC_TITLE: Record<BalanceMetric, string> = { notes: 'Notes written', edits: 'Edits made', votes: 'Dots counted' };

/** Per lane and overall: who wrote, edited and voted, by role, against who is in the room. */
export function BalanceView({ balance }: { balance: ParticipationBalance }) {
  const t = useT();
  const { participants } = balance;
  const caption =
    participants.total === 0
      ? 'Contributions by role. Nobody has joined yet.'
      : `Contributions by role, against the room: ${participants.counts.lay} of ${participants.total} participants are lay (${formatPercent(participants.shares.lay)}), ${participants.counts.practitioner} ${participants.counts.practitioner === 1 ? 'is a practitioner' : 'are practitioners'} (${formatPercent(participants.shares.practitioner)}).`;
  const rows: AreaBalance[] = [...balance.lanes, balance.overall];
  return (
    <section className="balance" aria-labelledby="balance-heading">
      <h3 id="balance-heading">Who has taken part</h3>
      <table className="balance-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            {BALANCE_METRICS.map((metric) => (
              <th key={metric} scope="col">
                {METRIC_TITLE[metric]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => (
            <tr key={area.area} className={area.area === 'board' ? 'balance-table__overall' : undefined}>
              <th scope="row">{area.area === 'board' ? 'Whole board' : laneTitle(t, area.area)}</th>
              {BALANCE_METRICS.map((metric) => (
                <td key={metric}>{describeShares(area[metric])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "2 lay, 28 practitioner (7% lay)", or "none". */
export function describeShares(shares: RoleShares): string {
  if (shares.total === 0) return 'none';
  return `${shares.counts.lay} lay, ${shares.counts.practitioner} practitioner (${formatPercent(shares.shares.lay)} lay)`;
}
