import { readStored, writeStored } from '../device/deviceStorage.ts';

/** How much others' changes are read out: everything, the main events only, or nothing. */
export type AnnounceLevel = 'more' | 'less' | 'none';

/** Which view of the board to show. `auto` means the list on narrow screens, else the canvas. */
export type BoardViewChoice = 'auto' | 'canvas' | 'list';

/** Choices about seeing and hearing the board, kept on this device (not in the board). */
export interface DeviceSettings {
  /** Root text size in percent: one of TEXT_SIZES. */
  textSize: number;
  highContrast: boolean;
  announce: AnnounceLevel;
  boardView: BoardViewChoice;
}

export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;
export const ANNOUNCE_LEVELS: readonly AnnounceLevel[] = ['more', 'less', 'none'];
export const DEFAULT_SETTINGS: DeviceSettings = { textSize: 100, highContrast: false, announce: 'less', boardView: 'auto' };

const KEY = 'costudio.settings';
const CHANGE_EVENT = 'costudio:settings';

/** Reads the stored settings, replacing anything missing or malformed by its default. */
export function readSettings(): DeviceSettings {
  return repairSettings(readStored(KEY));
}

export function repairSettings(stored: unknown): DeviceSettings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const { textSize, highContrast, announce, boardView } = stored as Record<string, unknown>;
  return {
    textSize: (TEXT_SIZES as readonly unknown[]).includes(textSize) ? (textSize as number) : DEFAULT_SETTINGS.textSize,
    highContrast: typeof highContrast === 'boolean' ? highContrast : DEFAULT_SETTINGS.highContrast,
    announce: ANNOUNCE_LEVELS.includes(announce as AnnounceLevel) ? (announce as AnnounceLevel) : DEFAULT_SETTINGS.announce,
    boardView: boardView === 'canvas' || boardView === 'list' || boardView === 'auto' ? boardView : DEFAULT_SETTINGS.boardView,
  };
}

export function saveSettings(change: Partial<DeviceSettings>): void {
  writeStored(KEY, { ...readSettings(), ...change });
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls `onChange` when the settings change in this tab or another tab of this device. */
export function subscribeSettings(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}
