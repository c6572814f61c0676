import { describe, expect, it } from 'vitest';
import { reportFileName } from './reportFileName.ts';

describe('reportFileName', () => {
  const june = Date.UTC(2025, 5, 1, 12);
  it('turns a title into a safe, dated file name', () => {
    expect(reportFileName('Outpatient letters', june, 'md')).toBe('costudio-outpatient-letters-2025-06-01.md');
    expect(reportFileName('../../etc/passwd <x>', june, 'csv')).toBe('costudio-etc-passwd-x-2025-06-01.csv');
    expect(reportFileName('Café für alle', june, 'md')).toBe('costudio-cafe-fur-alle-2025-06-01.md');
  });
  it('falls back when nothing usable is left', () => {
    expect(reportFileName('💬 ', june, 'md')).toBe('costudio-board-2025-06-01.md');
  });
});
