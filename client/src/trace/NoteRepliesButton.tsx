import { traceCounts } from './statusLabels.ts';
import { type NoteTraceApi, useNoteTraceApi } from './TraceContext.ts';
import { useNoteTrace } from './useTraceStore.ts';

/** "Replies and links (2 replies)" in the canvas note's action bar; nothing where there is no panel. */
export function NoteRepliesButton({ noteId }: { noteId: string }) {
  const panel = useNoteTraceApi();
  return panel ? <Button panel={panel} noteId={noteId} /> : null;
}

function Button({ panel, noteId }: { panel: NoteTraceApi; noteId: string }) {
  const { replies, links } = useNoteTrace(panel.trace, noteId);
  const counts = traceCounts(replies, links).join(', ');
  return (
    <button type="button" onClick={() => panel.open(noteId)}>
      Replies and links{counts ? ` (${counts})` : ''}
    </button>
  );
}
