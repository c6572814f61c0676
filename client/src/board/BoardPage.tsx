import { isLaneId, readLockedLanes } from '@costudio/shared';
import { useEffect, useMemo, useState } from 'react';
import { LiveRegion } from '../announce/LiveRegion.tsx';
import { useAnnouncer } from '../announce/useAnnouncer.ts';
import { useRemoteAnnouncements } from '../announce/useRemoteAnnouncements.ts';
import { BalancePrompts } from '../balance/BalancePrompts.tsx';
import { showBalancePrompts } from '../balance/showBalancePrompts.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import type { CameraController } from '../canvas/CameraController.ts';
import { BoardDeletedNotice } from '../dataProtection/BoardDeletedNotice.tsx';
import { useBoardDeleted } from '../dataProtection/useBoardDeleted.ts';
import { useTrimLocalCopyAfterErasure } from '../dataProtection/useTrimLocalCopyAfterErasure.ts';
import { YourDataMenu } from '../dataProtection/YourDataMenu.tsx';
import { setDebugHook } from '../debug/debugHook.ts';
import { type Identity, useBoardIdentity } from '../device/identity.ts';
import { rememberBoard } from '../device/recentBoards.ts';
import { undoShortcut } from '../doc/undoShortcut.ts';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { FollowControls } from '../follow/FollowControls.tsx';
import { useFollow } from '../follow/useFollow.ts';
import { HistoryMenu } from '../history/HistoryMenu.tsx';
import { JoinPage } from '../join/JoinPage.tsx';
import { LaneList } from '../laneList/LaneList.tsx';
import { isBoardLocked } from '../lock/boardLock.ts';
import { PendingChangesNotice } from '../offline/PendingChangesNotice.tsx';
import { ParticipantList } from '../presence/ParticipantList.tsx';
import { useLocalPresence } from '../presence/useLocalPresence.ts';
import { usePeers } from '../presence/usePeers.ts';
import { PrivateWriting } from '../privateWriting/PrivateWriting.tsx';
import { ProjectorView } from '../projector/ProjectorView.tsx';
import type { BoardSession } from '../session/BoardSession.ts';
import { useBoardSession } from '../session/useBoardSession.ts';
import { BoardViewToggle } from '../settings/BoardViewToggle.tsx';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import { useBoardView } from '../settings/useBoardView.ts';
import { useDeviceSettings } from '../settings/useDeviceSettings.ts';
import { boardAccess, boardToken } from '../share/boardTokens.ts';
import { FacilitationBar } from '../share/FacilitationBar.tsx';
import { useFacilitationRoom } from '../share/useFacilitationRoom.ts';
import { SyncStatusBadge } from '../sync/SyncStatusBadge.tsx';
import { useSyncStatus } from '../sync/useSyncStatus.ts';
import { useBoardVoting } from '../voting/useBoardVoting.ts';
import { VotePanel } from '../voting/VotePanel.tsx';
import { VotingHeaderButtons } from '../voting/VotingHeaderButtons.tsx';
import { useWhatsNew } from '../whatsNew/useWhatsNew.ts';
import { WhatsNewBar } from '../whatsNew/WhatsNewBar.tsx';
import { IdentityButton } from './IdentityButton.tsx';

/** A board: the join step on the first visit, then the live board. */
export function BoardPage({ boardId }: { boardId: string }) {
  const identity = useBoardIdentity(boardId);
  const session = useBoardSession(boardId);
  const deleted = useBoardDeleted(session);
  useTrimLocalCopyAfterErasure(session);
  if (deleted) return <BoardDeletedNotice />;
  // The room's screen needs no name: it is not a participant (issue 7, projector mode).
  if (new URLSearchParams(location.search).get('view') === 'projector') return session && <ProjectorView session={session} />;
  if (!identity.joined) return <JoinPage remembered={identity.remembered} onJoin={identity.save} />;
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
  const { doc, provider, editor, saved, boardId } = session;
  const meta = useBoardMeta(doc);
  const status = useSyncStatus(provider, saved);
  const peers = usePeers(provider.awareness);
  const presence = useLocalPresence(provider.awareness, identity);
  // Share links (issue 7): the relay enforces view-only links and board locks; the UI follows.
  const access = boardAccess(boardId);
  const facilitation = useFacilitationRoom(boardId);
  const locked = isBoardLocked(facilitation?.map);
  // A string key, so the set (and the editor's copy of it) changes only when the locks do.
  const lockedKey = access === 'facilitate' ? '' : [...readLockedLanes(facilitation?.map)].join(',');
  const lockedLanes = useMemo(() => new Set(lockedKey.split(',').filter(isLaneId)), [lockedKey]);
  const readOnly = meta.tooNew || access === 'view' || (locked && access !== 'facilitate');
  const [camera, setCamera] = useState<CameraController | null>(null);
  const follow = useFollow(provider.awareness, camera, facilitation?.map ?? null, access === 'facilitate');
  const voting = useBoardVoting(session, identity, readOnly);
  const board = useBoardView();
  const settings = useDeviceSettings();
  const announcer = useAnnouncer(settings.announce);
  useRemoteAnnouncements(doc, provider, settings.announce, announcer);
  const whatsNew = useWhatsNew(session);
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

  return (
    <div className={`board-page board-page--${board.view}`}>
      <header className="board-header">
        <a href="/" className="board-header__home">
          Costudio
        </a>
        <h1 className="board-header__title">{meta.title}</h1>
        <SyncStatusBadge status={status} />
        <PendingChangesNotice pending={session.pending} status={status} />
        <BoardViewToggle view={board.view} onChange={board.setView} />
        <SettingsButton />
        <VotingHeaderButtons voting={voting} editor={editor} identity={identity} />
        <HistoryMenu boardId={boardId} doc={doc} title={meta.title} />
        <IdentityButton identity={identity} onChange={onIdentityChange} />
        <YourDataMenu session={session} />
      </header>
      {whatsNew.news && <WhatsNewBar session={session} news={whatsNew.news} announcer={announcer} onDismiss={whatsNew.dismiss} />}
      <FacilitationBar
        boardId={boardId}
        access={access}
        token={boardToken(boardId)}
        room={facilitation}
        locked={locked}
        lockedLanes={lockedLanes}
      />
      {facilitation && (
        <PrivateWriting
          boardId={boardId}
          access={access}
          token={boardToken(boardId)}
          facilitation={facilitation.map}
          identity={identity}
          board={doc}
          origin={editor.origin}
        />
      )}
      {board.view !== 'list' && <FollowControls follow={follow} peers={peers} facilitates={access === 'facilitate'} />}
      {showBalancePrompts({ access: voting.access }) && <BalancePrompts prompts={voting.balance.prompts} />}
      {readOnly && (
        <p className="read-only-notice" role="alert">
          This board was made with a newer version of Costudio. You can look at it but not change it here. Reload the page to get
          the newer version.
        </p>
      )}
      <div className="board-body">
        <main className="board-main" aria-label="Board">
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
        </main>
        {voting.panelOpen && <VotePanel voting={voting} session={session} role={identity.role} />}
        <aside className="board-aside">
          <ParticipantList self={identity} peers={peers} />
        </aside>
      </div>
      <LiveRegion announcer={announcer} />
    </div>
  );
}
