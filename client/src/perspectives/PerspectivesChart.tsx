import { formatPercent, type Note, type Perspectives } from '@costudio/shared';
import { useId } from 'react';
import { noteLabel } from '../doc/noteLabels.ts';
import { useT } from '../i18n/useT.ts';

const WIDTH = 360;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 14;
const BAR_GAP = 4;
const ROW_GAP = 14;
const BAR_LEFT = 92;
const BAR_MAX = 200;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT * 2 + BAR_GAP + ROW_GAP;

/**
 * Side-by-side bars of the lay and practitioner shares for each voted note. The two roles differ
 * by pattern (solid vs hatched) and every bar carries its role and percentage in words, so colour
 * is never the only cue. The table beside it has the same numbers for screen readers.
 */
export function PerspectivesChart({ perspectives, notes }: { perspectives: Perspectives; notes: ReadonlyMap<string, Note> }) {
  const t = useT();
  const titleId = useId();
  const descId = useId();
  const hatchId = `hatch-${useId().replace(/:/g, '')}`;
  const rows = perspectives.rows;
  const height = rows.length * ROW_HEIGHT + 8;
  const summary = rows
    .map((row) => {
      const label = noteLabel(notes.get(row.noteId)?.text ?? '', 40);
      return t.t('perspectives.chartRow', {
        note: label,
        lay: formatPercent(row.shares.lay, t),
        practitioner: formatPercent(row.shares.practitioner, t),
      });
    })
    .join('; ');
  return (
    <svg
      className="perspectives-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
    >
      <title id={titleId}>{t.t('perspectives.chartTitle')}</title>
      <desc id={descId}>{t.t('perspectives.chartDesc', { summary })}</desc>
      <defs>
        <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#7b1fa2" strokeWidth="3" />
        </pattern>
      </defs>
      {rows.map((row, index) => {
        const top = index * ROW_HEIGHT + 4;
        const bars = [
          { key: 'lay', label: t.t('perspectives.bar.lay'), share: row.shares.lay, fill: '#1a4fa3', stroke: '#1a4fa3' },
          {
            key: 'practitioner',
            label: t.t('perspectives.bar.practitioner'),
            share: row.shares.practitioner,
            fill: `url(#${hatchId})`,
            stroke: '#7b1fa2',
          },
        ];
        return (
          <g key={row.noteId} transform={`translate(0 ${top})`}>
            <text x="0" y="13" className="perspectives-chart__note">
              {noteLabel(notes.get(row.noteId)?.text ?? '', 48)}
            </text>
            {bars.map((bar, barIndex) => {
              const y = LABEL_HEIGHT + barIndex * (BAR_HEIGHT + BAR_GAP);
              const width = Math.max(bar.share === null ? 0 : bar.share * BAR_MAX, bar.share ? 2 : 0);
              return (
                <g key={bar.key}>
                  <text x={BAR_LEFT - 6} y={y + BAR_HEIGHT - 3} textAnchor="end" className="perspectives-chart__role">
                    {bar.label}
                  </text>
                  <rect x={BAR_LEFT} y={y} width={BAR_MAX} height={BAR_HEIGHT} fill="#f2f4f7" stroke="#c4ccd8" />
                  <rect x={BAR_LEFT} y={y} width={width} height={BAR_HEIGHT} fill={bar.fill} stroke={bar.stroke} />
                  <text x={BAR_LEFT + BAR_MAX + 6} y={y + BAR_HEIGHT - 3} className="perspectives-chart__value">
                    {formatPercent(bar.share, t)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
