import {
  computeBalance,
  getActivityMap,
  getParticipantsMap,
  type Note,
  type ParticipationBalance,
  readEditCounts,
  readParticipants,
  tallyVote,
  type Vote,
} from '@costudio/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYVersion } from '../doc/useYVersion.ts';
import { useT } from '../i18n/useT.ts';

/**
 * The board's participation balance, recomputed when notes are added, moved or removed
 * (`geometryVersion`; typing does not change who wrote what), votes change, edits are counted
 * or someone joins.
 */
export function useBalance(
  doc: Y.Doc,
  notes: ReadonlyMap<string, Note>,
  geometryVersion: number,
  votes: readonly Vote[],
): ParticipationBalance {
  const t = useT();
  const activityVersion = useYVersion(getActivityMap(doc));
  const participantsVersion = useYVersion(getParticipantsMap(doc));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions mark changes inside the maps
  const edits = useMemo(() => readEditCounts(doc), [doc, activityVersion]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const participants = useMemo(() => readParticipants(doc), [doc, participantsVersion]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: notes are re-read only when geometry changes, by design
  const noteList = useMemo(() => [...notes.values()], [geometryVersion]);
  return useMemo(() => {
    const ids = new Set(noteList.map((note) => note.id));
    return computeBalance({ notes: noteList, edits, tallies: votes.map((vote) => tallyVote(vote, ids)), participants }, t);
  }, [noteList, edits, votes, participants, t]);
}
