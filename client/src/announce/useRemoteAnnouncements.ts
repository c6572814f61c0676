import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import type { Announcer } from './Announcer.ts';
import { RemoteChangeNarrator } from './RemoteChangeNarrator.ts';
import { TraceNarrator } from './TraceNarrator.ts';

/** Who "you" are, to say when others reply to your notes or change their status (issue 16). */
export interface OwnWork {
  /** This device's author secret on the board: notes carrying its proof are this person's. */
  authorSecret(): string | undefined;
  /** The origin of this person's writes (their anonymous replies arrive as applied updates). */
  origin: unknown;
}

/**
 * Reads out what others do on the board, at the person's chosen level; with `own`, also their
 * replies, and what came of this person's own notes.
 */
export function useRemoteAnnouncements(
  doc: Y.Doc,
  provider: WebsocketProvider,
  level: AnnounceLevel,
  announcer: Announcer,
  own?: OwnWork,
): void {
  // The narrators live as long as the doc; the level is read at each change, not baked in.
  const levelRef = useRef(level);
  levelRef.current = level;
  const ownRef = useRef(own);
  ownRef.current = own;
  const withTrace = own !== undefined;
  useEffect(() => {
    const common = {
      doc,
      level: () => levelRef.current,
      ready: () => provider.synced,
      say: (message: string) => announcer.say(message),
    };
    const narrator = new RemoteChangeNarrator({ ...common, awareness: provider.awareness });
    const trace = withTrace
      ? new TraceNarrator({ ...common, authorSecret: () => ownRef.current?.authorSecret(), ownOrigin: ownRef.current?.origin })
      : null;
    return () => {
      narrator.destroy();
      trace?.destroy();
    };
  }, [doc, provider, announcer, withTrace]);
}
