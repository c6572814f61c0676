import type { Access, ParticipationBalance, Vote } from '@costudio/shared';
import { useMemo, useState } from 'react';
import { useBalance } from '../balance/useBalance.ts';
import type { Identity } from '../device/identity.ts';
import { useNotesGeometry } from '../doc/useNotes.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { useAccess } from '../session/useAccess.ts';
import { participantIdFor } from './participantId.ts';
import { useParticipantRegistration } from './useParticipantRegistration.ts';
import { useVotes } from './useVotes.ts';

/** What the voting, perspectives, balance and report views share on one board page. */
export interface BoardVoting {
  access: Access;
  participantId: string;
  votes: readonly Vote[];
  balance: ParticipationBalance;
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
}

/** Registers this person as a participant and gathers the live data the issue-5 views need. */
export function useBoardVoting(session: BoardSession, identity: Identity, readOnly: boolean): BoardVoting {
  const { boardId, doc } = session;
  const access = useAccess(boardId, readOnly);
  const participantId = useMemo(() => participantIdFor(boardId), [boardId]);
  useParticipantRegistration(session, participantId, identity.role, readOnly);
  const votes = useVotes(doc);
  // Who wrote what changes when notes are added or removed, not while people type: the board
  // page that calls this must not re-render on every keystroke (issue 12). The panel reads
  // the notes' text itself.
  const notes = useNotesGeometry(session.notes);
  const balance = useBalance(doc, notes.byId, notes.geometryVersion, votes);
  const [panelOpen, setPanelOpen] = useState(false);
  return { access, participantId, votes, balance, panelOpen, setPanelOpen };
}
