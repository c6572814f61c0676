import { isLaneId, readLockedLanes } from '@costudio/shared';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { LiveRegion } from '../announce/LiveRegion.tsx';
import { useAnnouncer } from '../announce/useAnnouncer.ts';
import { useRemoteAnnouncements } from '../announce/useRemoteAnnouncements.ts';
import { BalancePrompts } from '../balance/BalancePrompts.tsx';
import { showBalancePrompts } from '../balance/showBalancePrompts.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import type { CameraController } from '../canvas/CameraController.ts';
import { BoardDeletedNotice } from '../dataProtection/BoardDeletedNotice.tsx';
import { PrivacyNotice } from '../dataProtection/PrivacyNotice.tsx';
import { useBoardDeleted } from '../dataProtection/useBoardDeleted.ts';
import { useTrimLocalCopyAfterErasure } from '../dataProtection/useTrimLocalCopyAfterErasure.ts';
import { YourDataMenu } from '../dataProtection/YourDataMenu.tsx';
import { setDebugHook } from '../debug/debugHook.ts';
import { boardAccess, boardToken } from '../device/boardTokens.ts';
import { type Identity, useBoardIdentity } from '../device/identity.ts';
import { rememberBoard } from '../device/recentBoards.ts';
import { whenIdle } from '../device/whenIdle.ts';
import { undoShortcut } from '../doc/undoShortcut.ts';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { useShowsFirstView } from '../doc/useNotes.ts';
import { BringEveryoneButton, FollowChooser, FollowStatus } from '../follow/FollowControls.tsx';
import { ListFollow } from '../follow/ListFollow.tsx';
import { useFollow } from '../follow/useFollow.ts';
import { HistoryMenu } from '../history/HistoryMenu.tsx';
import { useT } from '../i18n/useT.ts';
import { JoinPage } from '../join/JoinPage.tsx';
import { LaneList } from '../laneList/LaneList.tsx';
import { isBoardLocked } from '../lock/boardLock.ts';
import { ReadOnlyNotice } from '../notices/ReadOnlyNotice.tsx';
import { readOnlyCauseOf } from '../notices/readOnlyCause.ts';
import { UndoKeptNotice } from '../notices/UndoKeptNotice.tsx';
import { PendingChangesNotice } from '../offline/PendingChangesNotice.tsx';
import { ParticipantList } from '../presence/ParticipantList.tsx';
import { useLocalPresence } from '../presence/useLocalPresence.ts';
import { usePeers } from '../presence/usePeers.ts';
import { PrivateWriting } from '../privateWriting/PrivateWriting.tsx';
import { ProjectorControls } from '../projector/ProjectorControls.tsx';
import { NotePanelProvider } from '../replies/NotePanelProvider.tsx';
import type { BoardSession } from '../session/BoardSession.ts';
import { useBoardSession } from '../session/useBoardSession.ts';
import { BoardViewToggle } from '../settings/BoardViewToggle.tsx';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import { useBoardView } from '../settings/useBoardView.ts';
import { useDeviceSettings } from '../settings/useDeviceSettings.ts';
import { FACILITATE_PANEL_ID } from '../share/facilitatePanelId.ts';
// Styles of lazily loaded panels, here so every control that shares them is styled at once.
import '../share/facilitation.css';
import '../voting/voting.css';
import { FacilitationNotices } from '../share/FacilitationNotices.tsx';
import { useFacilitationRoom } from '../share/useFacilitationRoom.ts';
import { useLinkRefusal } from '../sync/LinkRefusal.ts';
import { SyncStatusBadge } from '../sync/SyncStatusBadge.tsx';
import { useSyncStatus } from '../sync/useSyncStatus.ts';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { useTraceStore } from '../trace/useTraceStore.ts';
import { isYouSaidWeDidView } from '../trace/youSaidWeDidLink.ts';
import { useBoardVoting } from '../voting/useBoardVoting.ts';
import { VoteOpenedNotice } from '../voting/VoteOpenedNotice.tsx';
import { VotingHeaderButtons } from '../voting/VotingHeaderButtons.tsx';
import { useWhatsNew } from '../whatsNew/useWhatsNew.ts';
import { WhatsNewBar } from '../whatsNew/WhatsNewBar.tsx';
import { HelpButton } from './HelpButton.tsx';
import { IdentityButton } from './IdentityButton.tsx';
import { focusControl, MoreMenu } from './MoreMenu.tsx';

/** The room's screen, with its QR code library: loaded only by the projector, not by every board. */
const ProjectorView = lazy(() => import('../projector/ProjectorView.tsx').then((module) => ({ default: module.ProjectorView })));
// Loaded when first opened, not before a board's first picture (issue 12): the facilitator's
// tools, the votes and results, and the 'You said, we did' page.
const loadFacilitatePanel = () => import('../share/FacilitatePanel.tsx');
const loadVotePanel = () => import('../voting/VotePanel.tsx');
const FacilitatePanel = lazy(() => loadFacilitatePanel().then((module) => ({ default: module.FacilitatePanel })));
const VotePanel = lazy(() => loadVotePanel().then((module) => ({ default: module.VotePanel })));

/** Fetches the panels' code once the page is idle after its first picture, so they open at once. */
function preloadPanels(): () => void {
  return whenIdle(
    () => {
      void loadFacilitatePanel();
      void loadVotePanel();
    },
    3_000,
    1_000,
  );
}
const YouSaidWeDidPage = lazy(() =>
  import('../youSaidWeDid/YouSaidWeDidPage.tsx').then((module) => ({ default: module.YouSaidWeDidPage })),
);

/** A board: the join step on the first visit, then the live board. */
export function BoardPage({ boardId }: { boardId: string }) {
  const identity = useBoardIdentity(boardId);
  const session = useBoardSession(boardId);
  const deleted = useBoardDeleted(session);
  useTrimLocalCopyAfterErasure(session);
  if (deleted) return <BoardDeletedNotice />;
  // The room's screen needs no name: it is not a participant (issue 7, projector mode).
  if (new URLSearchParams(location.search).get('view') === 'projector')
    return (
      session && (
        <Suspense fallback={null}>
          <ProjectorView session={session} />
        </Suspense>
      )
    );
  if (isYouSaidWeDidView(location.search))
    return (
      session && (
        <Suspense fallback={null}>
          <YouSaidWeDidPage session={session} />
        </Suspense>
      )
    );
  if (!identity.joined) return <JoinPage remembered={identity.remembered} onJoin={identity.save} notice={<PrivacyNotice />} />;
  if (!session) return null;
  return <LiveBoard session={session} identity={identity.joined} onIdentityChange={identity.save} />;
}

function LiveBoard({
  session,
  identity,
  onIdentityChange,
}: {
  session: BoardSession;
  identity: Identity;
  onIdentityChange(identity: Identity): void;
}) {
  const t = useT();
  const { doc, provider, editor, saved, boardId } = session;
  const meta = useBoardMeta(doc);
  const linkRefusal = useLinkRefusal(session.linkRefusal);
  const status = useSyncStatus(provider, saved, linkRefusal, session.local);
  const peers = usePeers(provider.awareness);
  const presence = useLocalPresence(provider.awareness, identity);
  // Share links (issue 7): the relay enforces view-only links and board locks; the UI follows.
  const access = boardAccess(boardId);
  const facilitation = useFacilitationRoom(boardId, provider);
  const locked = isBoardLocked(facilitation?.map);
  // A string key, so the set (and the editor's copy of it) changes only when the locks do.
  const lockedKey = access === 'facilitate' ? '' : [...readLockedLanes(facilitation?.map)].join(',');
  const lockedLanes = useMemo(() => new Set(lockedKey.split(',').filter(isLaneId)), [lockedKey]);
  const readOnlyCause = readOnlyCauseOf({ tooNew: meta.tooNew, access, boardLocked: locked, linkRefusal });
  // The first view is only a picture of the board until its document is in (firstView/).
  const showsFirstView = useShowsFirstView(session.notes);
  const readOnly = readOnlyCause !== null || showsFirstView;
  const [camera, setCamera] = useState<CameraController | null>(null);
  const follow = useFollow(provider.awareness, camera, facilitation?.map ?? null, access === 'facilitate');
  const voting = useBoardVoting(session, identity, readOnly);
  const board = useBoardView();
  const settings = useDeviceSettings();
  const announcer = useAnnouncer(settings.announce);
  useRemoteAnnouncements(doc, provider, settings.announce, announcer, {
    authorSecret: () => editor.authorSecret,
    origin: editor.origin,
  });
  // What came of each note (issue 16): statuses on both views, replies and links in a panel.
  const trace = useTraceStore(doc, session.notes);
  const whatsNew = useWhatsNew(session);
  const facilitates = access === 'facilitate';
  // Both panels start closed, so the board has the screen (issue 12).
  const [facilitateOpen, setFacilitateOpen] = useState(false);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const facilitateButtonRef = useRef<HTMLButtonElement>(null);
  const peopleButtonRef = useRef<HTMLButtonElement>(null);
  const closePeople = () => {
    setPeopleOpen(false);
    focusControl(peopleButtonRef.current);
  };
  const closeFacilitate = () => {
    setFacilitateOpen(false);
    facilitateButtonRef.current?.focus();
  };
  const canvasDotVoting = useMemo(
    () => ({
      votes: voting.votes,
      participantId: voting.participantId,
      role: identity.role,
      canVote: voting.access !== 'view' && !readOnly,
    }),
    [voting.votes, voting.participantId, identity.role, voting.access, readOnly],
  );

  useEffect(() => editor.setReadOnly(readOnly), [editor, readOnly]);
  useEffect(() => editor.setLockedLanes(lockedLanes), [editor, lockedLanes]);
  useEffect(() => setDebugHook({ doc, provider }), [doc, provider]);
  useEffect(preloadPanels, []);

  useEffect(() => {
    document.title = `${meta.title} – Costudio`;
    // Before the first sync the title is the placeholder; only remember the real one.
    rememberBoard(provider.synced ? { id: boardId, title: meta.title } : { id: boardId });
  }, [boardId, meta.title, provider.synced]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoShortcut(event);
      if (!action) return;
      const target = event.target as HTMLElement | null;
      // Undo in a note belongs to the board's history; in other fields (a name), to the field.
      const inOtherField = target?.matches('input, textarea:not(.note-editor__text), select, [contenteditable]') ?? false;
      if (inOtherField) return;
      event.preventDefault();
      if (action === 'undo') editor.undo();
      else editor.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);

  // Participants write here; the facilitator runs the exercise from the Facilitate panel.
  const privateWriting = facilitation && (
    <PrivateWriting
      boardId={boardId}
      access={access}
      token={boardToken(boardId)}
      facilitation={facilitation.map}
      identity={identity}
      board={doc}
      origin={editor.origin}
      editor={editor}
    />
  );

  return (
    <div className={`board-page board-page--${board.view}`}>
      <a href="#board" className="skip-link">
        {t.t('header.skip')}
      </a>
      <header className="board-header">
        <a href="/" className="board-header__home">
          Costudio
        </a>
        <h1 className="board-header__title">{meta.title}</h1>
        <SyncStatusBadge status={status} />
        {!linkRefusal && <PendingChangesNotice pending={session.pending} status={status} />}
        {facilitation && !(facilitates && facilitateOpen) && <TimerDisplay map={facilitation.map} canControl={false} />}
        <VotingHeaderButtons voting={voting} />
        {facilitates && (
          <button
            ref={facilitateButtonRef}
            type="button"
            aria-expanded={facilitateOpen}
            aria-controls={FACILITATE_PANEL_ID}
            onClick={() => (facilitateOpen ? closeFacilitate() : setFacilitateOpen(true))}
          >
            {t.t('header.facilitate')}
          </button>
        )}
        <MoreMenu>
          <a href="/" className="more-menu__phone-only">
            {t.t('header.allBoards')}
          </a>
          <BoardViewToggle view={board.view} onChange={board.setView} />
          <button
            type="button"
            ref={peopleButtonRef}
            className="people-button"
            aria-expanded={peopleOpen}
            aria-controls="people-panel"
            onClick={() => setPeopleOpen(!peopleOpen)}
          >
            {t.t('header.people')} <span className="people-button__count">{t.number(peers.length + 1)}</span>
          </button>
          {!facilitates && <HistoryMenu boardId={boardId} doc={doc} title={meta.title} />}
          <SettingsButton />
          <HelpButton />
          <IdentityButton identity={identity} onChange={onIdentityChange}>
            <YourDataMenu session={session} />
          </IdentityButton>
        </MoreMenu>
      </header>
      {whatsNew.news && <WhatsNewBar session={session} news={whatsNew.news} announcer={announcer} onDismiss={whatsNew.dismiss} />}
      <FacilitationNotices access={access} locked={locked} lockedLanes={lockedLanes} />
      {!facilitates && privateWriting}
      {board.view !== 'list' && <FollowStatus follow={follow} peers={peers} />}
      {board.view === 'list' && <ListFollow awareness={provider.awareness} follow={follow} peers={peers} notes={session.notes} />}
      {showBalancePrompts({ access: voting.access }) && <BalancePrompts prompts={voting.balance.prompts} />}
      <ReadOnlyNotice cause={readOnlyCause} pending={session.pending} />
      <UndoKeptNotice editor={editor} />
      <VoteOpenedNotice voting={voting} announcer={announcer} />
      <div className="board-body">
        <main
          id="board"
          className="board-main"
          aria-label={t.t('header.board')}
          tabIndex={-1}
          onFocus={(event) => {
            // "Skip to board" lands here; on the canvas, go on to the canvas, which takes the keys.
            if (event.target === event.currentTarget)
              event.currentTarget.querySelector<HTMLElement>('.board-canvas__surface')?.focus();
          }}
        >
          <NotePanelProvider
            session={session}
            identity={identity}
            readOnly={readOnly}
            lockedLanes={lockedLanes}
            announcer={announcer}
            trace={trace}
          >
            {board.view === 'list' ? (
              <LaneList session={session} identity={identity} readOnly={readOnly} announcer={announcer} />
            ) : (
              <BoardCanvas
                session={session}
                identity={identity}
                peers={peers}
                presence={presence}
                readOnly={readOnly}
                lockedLanes={lockedLanes}
                onCamera={setCamera}
                noteMarks={whatsNew.marks}
                dotVoting={canvasDotVoting}
              />
            )}
          </NotePanelProvider>
        </main>
        {voting.panelOpen && (
          <Suspense fallback={null}>
            <VotePanel voting={voting} session={session} role={identity.role} />
          </Suspense>
        )}
        {peopleOpen && (
          <aside
            id="people-panel"
            className="board-aside"
            aria-label={t.t('header.people')}
            onKeyDown={(event) => {
              // The following status listens for Escape too; here it only closes the panel.
              if (event.key !== 'Escape' || event.defaultPrevented) return;
              closePeople();
            }}
          >
            <ParticipantList self={identity} peers={peers} />
            {board.view !== 'list' && <FollowChooser follow={follow} peers={peers} />}
            <button type="button" onClick={closePeople}>
              {t.t('header.hide')}
              <span className="visually-hidden">{t.t('header.hidePeople')}</span>
            </button>
          </aside>
        )}
        {facilitates && facilitateOpen && (
          <Suspense fallback={null}>
            <FacilitatePanel
              boardId={boardId}
              access={access}
              token={boardToken(boardId)}
              room={facilitation}
              locked={locked}
              onClose={closeFacilitate}
            >
              {facilitation && (
                <div className="facilitate-panel__group">
                  <h3>{t.t('header.privateWriting')}</h3>
                  {privateWriting}
                </div>
              )}
              <div className="facilitate-panel__group">
                <h3>{t.t('header.everyonesView')}</h3>
                <BringEveryoneButton follow={follow} />
              </div>
              {facilitation && (
                <div className="facilitate-panel__group">
                  <h3>{t.t('header.projector')}</h3>
                  <ProjectorControls boardId={boardId} map={facilitation.map} />
                </div>
              )}
              <div className="facilitate-panel__group">
                <h3>{t.t('header.historyBackups')}</h3>
                <HistoryMenu boardId={boardId} doc={doc} title={meta.title} />
              </div>
            </FacilitatePanel>
          </Suspense>
        )}
      </div>
      <LiveRegion announcer={announcer} />
    </div>
  );
}
