import { findOpenVote } from '@costudio/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Announcer } from '../announce/Announcer.ts';
import type { BoardVoting } from './useBoardVoting.ts';
import { VOTE_PANEL_ID } from './votePanelId.ts';
import './voteOpenedNotice.css';
import { useT } from '../i18n/useT.ts';

/**
 * Tells a participant that a vote has opened (issue 12, item 4): a notice that stays in view
 * with a button to the vote, and one polite announcement. It goes once they open the vote
 * panel, or when the vote closes. The facilitator, who opened it, is not told.
 */
export function VoteOpenedNotice({ voting, announcer }: { voting: BoardVoting; announcer: Announcer }) {
  const t = useT();
  const open = findOpenVote(voting.votes);
  const openId = open?.id ?? null;
  const facilitates = voting.access === 'facilitate';
  // A view-only link (or a locked board) can look at the vote but not place dots.
  const canVote = voting.access === 'edit';
  // The vote this person has already gone to (or been told about while looking at the panel).
  const [seen, setSeen] = useState<string | null>(null);
  const { panelOpen } = voting;

  useEffect(() => {
    if (openId !== null && panelOpen) setSeen(openId);
  }, [openId, panelOpen]);

  const show = openId !== null && openId !== seen && !panelOpen && !facilitates;
  useEffect(() => {
    if (show) announcer.say(t.t(canVote ? 'votes.openedGo' : 'votes.opened'));
  }, [show, announcer, canVote, t]);
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (show && element.current) return reserveSpaceBelow(element.current);
  }, [show]);

  if (!show || !open) return null;
  return (
    <div ref={element} className="vote-opened-notice" data-testid="vote-opened-notice">
      <p>
        {t.t('votes.opened')}
        {open.title && <span className="vote-opened-notice__title"> {open.title}</span>}
      </p>
      <button
        type="button"
        className="button-primary"
        // Only while the panel is there to point at: a reference to a missing element is an ARIA error.
        aria-controls={voting.panelOpen ? VOTE_PANEL_ID : undefined}
        onClick={() => {
          setSeen(open.id);
          voting.setPanelOpen(true);
        }}
      >
        {canVote ? t.t('votes.goTo') : t.t('votes.see')}
      </button>
    </div>
  );
}

/**
 * While the notice is up, what it covers at the bottom of the screen stays reachable (WCAG 2.2,
 * 2.4.11 Focus Not Obscured): `--bottom-notice-space` on the root, the height it takes from the
 * bottom of the viewport, becomes the page's `scroll-padding-bottom` (what the keyboard brings into
 * view stops above it) and room below the lane list (its last note scrolls clear of it).
 */
function reserveSpaceBelow(notice: HTMLElement): () => void {
  const root = document.documentElement;
  const measure = () => {
    const space = Math.max(0, window.innerHeight - notice.getBoundingClientRect().top);
    root.style.setProperty('--bottom-notice-space', `${Math.ceil(space)}px`);
  };
  measure();
  const observer = new ResizeObserver(measure);
  observer.observe(notice);
  window.addEventListener('resize', measure);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', measure);
    root.style.removeProperty('--bottom-notice-space');
  };
}
