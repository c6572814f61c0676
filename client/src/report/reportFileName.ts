import { formatDate } from '@costudio/shared';

/** "costudio-outpatient-letters-2025-06-01.md": readable, safe on every file system. */
export function reportFileName(title: string, now: number, extension: 'md' | 'csv' | 'html'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `costudio-${slug || 'board'}-${formatDate(now)}.${extension}`;
}
