import { useNoteTraceApi } from './TraceContext.ts';

/**
 * "Replies and links" in the canvas note's action bar; nothing where there is no panel. Its
 * words never change, so the bar keeps its width and place (the note's tag shows the counts).
 */
export function NoteRepliesButton({ noteId }: { noteId: string }) {
  const panel = useNoteTraceApi();
  if (!panel) return null;
  return (
    <button type="button" onClick={() => panel.open(noteId)}>
      Replies and links
    </button>
  );
}
