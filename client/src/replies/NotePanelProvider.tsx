import type { LaneId } from '@costudio/shared';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import type { Announcer } from '../announce/Announcer.ts';
import type { Identity } from '../device/identity.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { type NoteTraceApi, NoteTraceContext } from '../trace/TraceContext.ts';
import type { TraceStore } from '../trace/TraceStore.ts';
import { NotePanel } from './NotePanel.tsx';

interface NotePanelProviderProps {
  session: BoardSession;
  identity: Identity;
  readOnly: boolean;
  /** Lanes the facilitator locked for this person (none for the facilitator). */
  lockedLanes: ReadonlySet<LaneId>;
  announcer: Announcer;
  trace: TraceStore;
  children: ReactNode;
}

/** Gives both views the notes' statuses and the "Replies and links" panel, and shows the panel. */
export function NotePanelProvider({
  session,
  identity,
  readOnly,
  lockedLanes,
  announcer,
  trace,
  children,
}: NotePanelProviderProps) {
  const [noteId, setNoteId] = useState<string | null>(null);
  const jumpRef = useRef<((noteId: string) => void) | null>(null);
  const registerJump = useCallback((jump: (noteId: string) => void) => {
    jumpRef.current = jump;
    return () => {
      if (jumpRef.current === jump) jumpRef.current = null;
    };
  }, []);
  const api = useMemo<NoteTraceApi>(() => ({ trace, open: setNoteId, registerJump }), [trace, registerJump]);
  const env = useMemo(
    () => ({ session, identity, readOnly, lockedLanes, announcer, trace }),
    [session, identity, readOnly, lockedLanes, announcer, trace],
  );
  return (
    <NoteTraceContext.Provider value={api}>
      {children}
      <NotePanel
        env={env}
        noteId={noteId}
        onClose={() => setNoteId(null)}
        onShowNote={setNoteId}
        onJump={(id) => {
          setNoteId(null);
          // After the dialog has handed focus back to what opened it, take the person to the note.
          requestAnimationFrame(() => jumpRef.current?.(id));
        }}
      />
    </NoteTraceContext.Provider>
  );
}
