import { statusLabel, statusMeaning } from '@costudio/shared';
import { useT } from '../i18n/useT.ts';
import { StatusChip } from './StatusChip.tsx';
import { showsStatus, traceCounts } from './statusLabels.ts';
import { type NoteTraceApi, useNoteTraceApi } from './TraceContext.ts';
import { useNoteTrace } from './useTraceStore.ts';

export const noteRepliesButtonId = (id: string) => `note-replies-${id}`;

/**
 * Under a note in the lane list: its status, how many replies and links it has, and the button
 * that opens its replies and links. Follows this note's trace only. A note only "said", with
 * nothing on it, shows the button alone; its status is still read to screen readers.
 */
export function NoteTraceLine({ id, label }: { id: string; label: string }) {
  const panel = useNoteTraceApi();
  if (!panel) return null;
  return <Line id={id} label={label} panel={panel} />;
}

function Line({ id, label, panel }: { id: string; label: string; panel: NoteTraceApi }) {
  const t = useT();
  const { status, replies, links } = useNoteTrace(panel.trace, id);
  const counts = traceCounts(t, replies, links).join(', ');
  const lowered = label.charAt(0).toLowerCase() + label.slice(1);
  const shown = showsStatus(status, replies, links);
  return (
    <p className="note-trace-line">
      {shown ? (
        <>
          <StatusChip status={status} />
          <span className="note-trace-line__meaning">{statusMeaning(t, status)}</span>
        </>
      ) : (
        // Plain words in one hidden box: a chip's own box would stick out of it (a page wider than a phone).
        <span className="visually-hidden">
          {`${t.t('trace.chip.prefix')} ${statusLabel(t, status)}. ${statusMeaning(t, status)}`}
        </span>
      )}
      <button type="button" id={noteRepliesButtonId(id)} onClick={() => panel.open(id)}>
        {t.t('trace.panel.title')}
        {counts ? ` (${counts})` : ''}
        <span className="visually-hidden">{` ${t.t('trace.line.for', { label: lowered })}`}</span>
      </button>
    </p>
  );
}
