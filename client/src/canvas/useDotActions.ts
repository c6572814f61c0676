import { placeDot, takeBackDot } from '@costudio/shared';
import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { type CanvasDotVoting, dotPlacedMessage, dotTakenBackMessage, type useCanvasDots } from './canvasDots.ts';

/**
 * Placing and taking back dots from the canvas's "+ dot" / "− dot" targets, with the sentence
 * the polite live region says about each ("Dot placed. You have 1 dot left.").
 */
export function useDotActions(
  doc: Y.Doc,
  editor: BoardEditor,
  noteDots: ReturnType<typeof useCanvasDots>,
  dotVoting: CanvasDotVoting | undefined,
) {
  const [message, setMessage] = useState('');
  const vote = noteDots.vote;
  const onPlaceDot = useCallback(
    (id: string) => {
      if (!vote || !dotVoting) return;
      const result = placeDot(
        doc,
        { voteId: vote.id, participantId: dotVoting.participantId, role: dotVoting.role, noteId: id },
        editor.origin,
      );
      setMessage(dotPlacedMessage(result, vote.dotsPerPerson));
    },
    [doc, editor, vote, dotVoting],
  );
  const onTakeBackDot = useCallback(
    (id: string) => {
      if (!vote || !dotVoting) return;
      const taken = takeBackDot(doc, { voteId: vote.id, participantId: dotVoting.participantId, noteId: id }, editor.origin);
      setMessage(dotTakenBackMessage(taken, doc, vote.id, dotVoting.participantId));
    },
    [doc, editor, vote, dotVoting],
  );
  return { message, onPlaceDot, onTakeBackDot };
}
