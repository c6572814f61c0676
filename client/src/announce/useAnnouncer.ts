import { useEffect, useState } from 'react';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import { Announcer } from './Announcer.ts';

/** Between two announcements of others' work: busier at "more", calmer at "less". */
const INTERVAL_MS: Record<AnnounceLevel, number> = { more: 1500, less: 4000, none: 4000 };

/** One Announcer for the board page, its pace following the person's setting. */
export function useAnnouncer(level: AnnounceLevel): Announcer {
  const [announcer] = useState(() => new Announcer(INTERVAL_MS[level]));
  useEffect(() => announcer.setInterval(INTERVAL_MS[level]), [announcer, level]);
  useEffect(() => () => announcer.destroy(), [announcer]);
  return announcer;
}
