import type { ListFigures } from './listBench.ts';

/** Issue 12's target: keystroke to next frame, p95, by board size (4× CPU slowdown, 390 × 844). */
const FRAME_P95_TARGETS_MS: Record<number, number> = { 1000: 50 };

export function listTable(figures: ListFigures): string {
  const rows: string[][] = [
    [
      'notes',
      'build',
      'keys',
      'next frame p50 / p95 (ms)',
      'painted p50 / p95 / max (ms)',
      'list ready (ms)',
      'target',
      'result',
    ],
  ];
  for (const f of figures.results) {
    const target = FRAME_P95_TARGETS_MS[f.notes];
    rows.push([
      f.notes.toLocaleString('en'),
      f.build,
      String(f.keystrokes),
      `${f.frameP50Ms.toFixed(0)} / ${f.frameP95Ms.toFixed(0)}`,
      `${f.paintedP50Ms.toFixed(0)} / ${f.paintedP95Ms.toFixed(0)} / ${f.paintedMaxMs.toFixed(0)}`,
      f.listReadyMs.toFixed(0),
      target ? `p95 ≤ ${target}` : '',
      target ? (f.frameP95Ms <= target ? 'met' : 'MISSED') : '',
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
