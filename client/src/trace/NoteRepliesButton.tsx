import { useT } from '../i18n/useT.ts';
import { useNoteTraceApi } from './TraceContext.ts';

/**
 * "Replies and links" in the canvas note's action bar; nothing where there is no panel. Its
 * words never change with the counts, so the bar keeps its width and place (the note's tag
 * shows the counts).
 */
export function NoteRepliesButton({ noteId }: { noteId: string }) {
  const panel = useNoteTraceApi();
  const t = useT();
  if (!panel) return null;
  return (
    <button type="button" onClick={() => panel.open(noteId)}>
      {t.t('trace.panel.title')}
    </button>
  );
}
