import type { Identity } from '../device/identity.ts';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { AnonymousNoteButton } from './AnonymousNoteDialog.tsx';
import type { BoardVoting } from './useBoardVoting.ts';
import { VOTE_PANEL_ID } from './VotePanel.tsx';

/** The header's way into issue 5: post anonymously, and open the votes and results panel. */
export function VotingHeaderButtons({
  voting,
  editor,
  identity,
}: {
  voting: BoardVoting;
  editor: BoardEditor;
  identity: Identity;
}) {
  return (
    <>
      <AnonymousNoteButton editor={editor} identity={identity} disabled={voting.access === 'view'} />
      <button
        type="button"
        aria-expanded={voting.panelOpen}
        aria-controls={VOTE_PANEL_ID}
        onClick={() => voting.setPanelOpen(!voting.panelOpen)}
      >
        Votes and results
      </button>
    </>
  );
}
