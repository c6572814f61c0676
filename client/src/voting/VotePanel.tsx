import { findOpenVote, openVote, type Role } from '@costudio/shared';
import { useEffect, useRef } from 'react';
import { BalanceView } from '../balance/BalanceView.tsx';
import { useNotes } from '../doc/useNotes.ts';
import { PerspectivesView } from '../perspectives/PerspectivesView.tsx';
import { ReportDownload } from '../report/ReportDownload.tsx';
import type { BoardSession } from '../session/BoardSession.ts';
import { useLaneReach } from '../trace/useLaneReach.ts';
import { useTraceStore } from '../trace/useTraceStore.ts';
import { YouSaidWeDidLink } from '../trace/YouSaidWeDidLink.tsx';
import { DotVote } from './DotVote.tsx';
import { OpenVoteForm } from './OpenVoteForm.tsx';
import type { BoardVoting } from './useBoardVoting.ts';
import './voting.css';
import { useT } from '../i18n/useT.ts';

import { VOTE_PANEL_ID } from './votePanelId.ts';

/** The side panel for issue 5: the dot vote, perspectives, participation balance and the report. */
export function VotePanel({ voting, session, role }: { voting: BoardVoting; session: BoardSession; role: Role }) {
  const t = useT();
  const { votes, access } = voting;
  const notes = useNotes(session.notes);
  const reach = useLaneReach(useTraceStore(session.doc, session.notes));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const open = findOpenVote(votes);
  // The vote whose perspectives are shown: the open one, otherwise the last one closed.
  const shown = open ?? votes.at(-1) ?? null;
  const shownNumber = shown ? votes.indexOf(shown) + 1 : 0;
  // The panel opens only when someone asks for it: take them (and their screen reader) to it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section id={VOTE_PANEL_ID} className="vote-panel" aria-labelledby="vote-panel-heading">
      <div className="vote-panel__top">
        <h2 id="vote-panel-heading" ref={headingRef} tabIndex={-1}>
          {t.t('votes.title')}
        </h2>
        <button type="button" onClick={() => voting.setPanelOpen(false)}>
          {t.t('votes.hide')}
          <span className="visually-hidden">{t.t('votes.hideWhat')}</span>
        </button>
      </div>
      {open ? (
        <DotVote
          session={session}
          vote={open}
          notes={notes.byId}
          participantId={voting.participantId}
          role={role}
          access={access}
        />
      ) : access === 'facilitate' ? (
        <section aria-labelledby="open-vote-heading">
          <h3 id="open-vote-heading">{t.t('votes.openTitle')}</h3>
          <OpenVoteForm
            onOpen={(choice) => {
              openVote(session.doc, choice, session.editor.origin);
              headingRef.current?.focus();
            }}
          />
        </section>
      ) : (
        <p className="vote-panel__waiting">{t.t('votes.waiting')}</p>
      )}
      {shown && <PerspectivesView vote={shown} voteNumber={shownNumber} notes={notes.byId} />}
      <BalanceView balance={voting.balance} reach={reach} />
      <ReportDownload doc={session.doc} />
      <YouSaidWeDidLink />
    </section>
  );
}
