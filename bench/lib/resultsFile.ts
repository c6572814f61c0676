import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmark results';

/**
 * Replaces the generated block `section` of a results document (between
 * `<!-- section:begin -->` and `<!-- section:end -->`), adding it after the title when absent.
 * Everything outside the markers — the hand-written analysis — is kept as it is.
 */
export function replaceSection(document: string, section: string, body: string): string {
  const begin = `<!-- ${section}:begin -->`;
  const end = `<!-- ${section}:end -->`;
  const block = `${begin}\n${body.trim()}\n${end}`;
  const from = document.indexOf(begin);
  const to = document.indexOf(end);
  if (from !== -1 && to > from) return document.slice(0, from) + block + document.slice(to + end.length);
  const base = document.trim() === '' ? `${TITLE}\n` : document;
  const titleEnd = base.startsWith(TITLE) ? base.indexOf('\n') + 1 : 0;
  return `${base.slice(0, titleEnd)}\n${block}\n${base.slice(titleEnd)}`;
}

/** Rewrites one generated section of the results file in place. */
export function updateResultsFile(file: string, section: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, replaceSection(current, section, body));
}
