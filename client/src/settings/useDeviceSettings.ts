import { useSyncExternalStore } from 'react';
import { type DeviceSettings, readSettings, subscribeSettings } from './deviceSettings.ts';

// useSyncExternalStore needs the same object while nothing changed, so compare through JSON.
let cachedKey = '';
let cached: DeviceSettings | null = null;

function snapshot(): DeviceSettings {
  const next = readSettings();
  const key = JSON.stringify(next);
  if (cached === null || key !== cachedKey) {
    cachedKey = key;
    cached = next;
  }
  return cached;
}

/** The device's settings; re-renders when they change. Write them with saveSettings(). */
export function useDeviceSettings(): DeviceSettings {
  return useSyncExternalStore(subscribeSettings, snapshot);
}
