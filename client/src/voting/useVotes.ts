import { getVotesMap, readVotes, type Vote } from '@costudio/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYVersion } from '../doc/useYVersion.ts';

/** Every readable vote on the board, oldest first; re-read when any vote or dot changes. */
export function useVotes(doc: Y.Doc): readonly Vote[] {
  const votesMap = getVotesMap(doc);
  const version = useYVersion(votesMap);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change inside the map
  return useMemo(() => readVotes(doc), [doc, version]);
}
