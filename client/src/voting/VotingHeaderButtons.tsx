import { useT } from '../i18n/useT.ts';
import type { BoardVoting } from './useBoardVoting.ts';
import { VOTE_PANEL_ID } from './votePanelId.ts';

/**
 * The header's way into issue 5: open the votes and results panel. Posting anonymously sits
 * beside "Add note", in the canvas toolbar and the list's tools.
 */
export function VotingHeaderButtons({ voting }: { voting: BoardVoting }) {
  const t = useT();
  return (
    <button
      type="button"
      aria-expanded={voting.panelOpen}
      aria-controls={VOTE_PANEL_ID}
      onClick={() => voting.setPanelOpen(!voting.panelOpen)}
    >
      {/* A phone shows "Votes" alone (board/moreMenu.css); the rest stays for screen readers. */}
      {t.t('header.votesShort')}
      <span className="voting-header-button__more">{t.t('header.votesRest')}</span>
    </button>
  );
}
