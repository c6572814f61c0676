import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import type { Announcer } from './Announcer.ts';
import { RemoteChangeNarrator } from './RemoteChangeNarrator.ts';

/** Reads out what others do on the board, at the person's chosen level. */
export function useRemoteAnnouncements(
  doc: Y.Doc,
  provider: WebsocketProvider,
  level: AnnounceLevel,
  announcer: Announcer,
): void {
  // The narrator lives as long as the doc; the level is read at each change, not baked in.
  const levelRef = useRef(level);
  levelRef.current = level;
  useEffect(() => {
    const narrator = new RemoteChangeNarrator({
      doc,
      awareness: provider.awareness,
      level: () => levelRef.current,
      ready: () => provider.synced,
      say: (message) => announcer.say(message),
    });
    return () => narrator.destroy();
  }, [doc, provider, announcer]);
}
