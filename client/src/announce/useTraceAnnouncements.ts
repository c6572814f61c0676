import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import type { Announcer } from './Announcer.ts';
import { TraceNarrator } from './TraceNarrator.ts';

/** Reads out replies by others and status changes of this person's own notes (issue 16). */
export function useTraceAnnouncements(
  doc: Y.Doc,
  provider: WebsocketProvider,
  authorSecret: () => string | undefined,
  ownOrigin: unknown,
  level: AnnounceLevel,
  announcer: Announcer,
): void {
  const levelRef = useRef(level);
  levelRef.current = level;
  const secretRef = useRef(authorSecret);
  secretRef.current = authorSecret;
  useEffect(() => {
    const narrator = new TraceNarrator({
      doc,
      authorSecret: () => secretRef.current(),
      level: () => levelRef.current,
      ready: () => provider.synced,
      say: (message) => announcer.say(message),
      ownOrigin,
    });
    return () => narrator.destroy();
  }, [doc, provider, announcer, ownOrigin]);
}
