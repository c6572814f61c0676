import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, repairSettings } from './deviceSettings.ts';

describe('repairSettings', () => {
  it('keeps valid choices', () => {
    const valid = { textSize: 175, highContrast: true, announce: 'none', boardView: 'list' };
    expect(repairSettings(valid)).toEqual(valid);
  });

  it.each([null, 'x', 3, []])('falls back to the defaults for %j', (stored) => {
    expect(repairSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces each malformed field by its default', () => {
    expect(repairSettings({ textSize: 130, highContrast: 'yes', announce: 'loud', boardView: 'grid' })).toEqual(DEFAULT_SETTINGS);
  });
});
