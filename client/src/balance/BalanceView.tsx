import {
  type AreaBalance,
  BALANCE_METRICS,
  formatPercent,
  type LaneId,
  type LaneReach,
  laneTitle,
  type ParticipationBalance,
  type RoleShares,
  type Translator,
} from '@costudio/shared';
import './balance.css';
import { currentTranslator } from '../i18n/localeChoice.ts';
import { useT } from '../i18n/useT.ts';

/**
 * Per lane and overall: who wrote, edited and voted, by role, against who is in the room. Where
 * it is narrow (a phone) each row is a card with its figures labelled (data-label, balance.css).
 */
export function BalanceView({
  balance,
  reach,
}: {
  balance: ParticipationBalance;
  /** Per lane, how many lay notes reached a decision (issue 16), in a column of its own. */
  reach?: Readonly<Record<LaneId, LaneReach>> | null;
}) {
  const t = useT();
  const { participants } = balance;
  const caption =
    participants.total === 0
      ? t.t('balance.captionEmpty')
      : t.t('balance.caption', {
          lay: participants.counts.lay,
          total: participants.total,
          layShare: formatPercent(participants.shares.lay, t),
          practitioners: participants.counts.practitioner,
          practitionerShare: formatPercent(participants.shares.practitioner, t),
        });
  const rows: AreaBalance[] = [...balance.lanes, balance.overall];
  return (
    <section className="balance" aria-labelledby="balance-heading">
      <h3 id="balance-heading">{t.t('balance.title')}</h3>
      <table className="balance-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('balance.where')}</th>
            {BALANCE_METRICS.map((metric) => (
              <th key={metric} scope="col">
                {t.t(`balance.metric.${metric}`)}
              </th>
            ))}
            {reach && <th scope="col">{t.t('balance.reach')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => (
            <tr key={area.area} className={area.area === 'board' ? 'balance-table__overall' : undefined}>
              <th scope="row">{area.area === 'board' ? t.t('report.wholeBoard') : laneTitle(t, area.area)}</th>
              {BALANCE_METRICS.map((metric) => (
                <td key={metric} data-label={t.t(`balance.metric.${metric}`)}>
                  {describeShares(area[metric], t)}
                </td>
              ))}
              {reach && (
                <td data-label={t.t('balance.reach')}>
                  {describeReach(area.area === 'board' ? undefined : reach[area.area], reach, t)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "9 of 24", for a lane or (without one) the whole board; "no lay notes yet" rather than "0 of 0". */
function describeReach(lane: LaneReach | undefined, all: Readonly<Record<LaneId, LaneReach>>, t: Translator): string {
  const counts =
    lane ??
    Object.values(all).reduce(
      (sum, one) => ({
        layNotes: sum.layNotes + one.layNotes,
        layReachedDecision: sum.layReachedDecision + one.layReachedDecision,
      }),
      { layNotes: 0, layReachedDecision: 0 },
    );
  if (counts.layNotes === 0) return t.t('balance.reachNone');
  return t.t('balance.reachCount', { reached: counts.layReachedDecision, total: counts.layNotes });
}

/** "2 lay, 28 practitioner (7% lay)", or "none". */
export function describeShares(shares: RoleShares, t: Translator = currentTranslator()): string {
  if (shares.total === 0) return t.t('balance.none');
  return t.t('balance.shares', {
    lay: shares.counts.lay,
    practitioner: shares.counts.practitioner,
    share: formatPercent(shares.shares.lay, t),
  });
}
