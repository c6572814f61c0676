import { ROLES, readProjectorSettings } from '@costudio/shared';
import { useEffect, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { BOARD_WIDTH } from '../canvas/boardGeometry.ts';
import type { CameraController } from '../canvas/CameraController.ts';
import type { LaneHeaderStyle } from '../canvas/Lanes.tsx';
import type { Identity } from '../device/identity.ts';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { useFollow } from '../follow/useFollow.ts';
import { FACILITATES_FIELD } from '../follow/viewPresence.ts';
import type { LocalPresence } from '../presence/useLocalPresence.ts';
import { usePeers } from '../presence/usePeers.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { useFacilitationRoom } from '../share/useFacilitationRoom.ts';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { JoinQrCode } from './JoinQrCode.tsx';
import { peopleCount } from './peopleCount.ts';
import './projector.css';
import { useT } from '../i18n/useT.ts';

/** The projector is not a participant: it publishes no name, role or cursor. */
const PROJECTOR_IDENTITY: Identity = { name: 'Projector', role: 'practitioner' };
const NO_PRESENCE: LocalPresence = { setCursor: () => {}, setFocusedNote: () => {} };
/**
 * Note text on the room's screen, in board units: with all six lanes across 1920 CSS px (a scale
 * of about 0.83) it is drawn at about 18 px, where the laptop's 15 would be 12 px (issue 12).
 */
const PROJECTOR_NOTE_FONT_SIZE = 22;
/**
 * Bylines and lane prompts are read from the back of the room: at that scale 23 and 24 board
 * units are 19 and 20 CSS px. The header band grows upwards to hold them, so notes stay put.
 */
const PROJECTOR_BYLINE_FONT_SIZE = 23;
const PROJECTOR_LANE_HEADER: LaneHeaderStyle = { top: -72, titleSize: 34, promptSize: 24 };
/** Space around the board on the screen, in CSS px. */
const MARGIN = { side: 16, top: 12, bottom: 12 };
/** With "auto", the join code shrinks to a corner once this many people are here. */
const JOINED_ENOUGH = 3;

/**
 * `/b/<id>?view=projector`: the room's screen. The whole board without editing tools (or, as the
 * facilitator chooses, their view); a QR code and address to join with edit rights, which
 * shrink to a corner once people have joined; the timer; who is here.
 */
export function ProjectorView({ session }: { session: BoardSession }) {
  const { boardId, doc, provider } = session;
  const t = useT();
  const meta = useBoardMeta(doc);
  const peers = usePeers(provider.awareness);
  const room = useFacilitationRoom(boardId, provider);
  const [camera, setCamera] = useState<CameraController | null>(null);
  // The lanes reach the bottom of the screen rather than stopping two thirds down (issue 12).
  const [screenLaneHeight, setScreenLaneHeight] = useState(0);
  // `room` is a new object on every change of the facilitation room, so this re-reads then.
  const settings = readProjectorSettings(room?.map);
  const followsFacilitator = settings.view === 'follow';
  const follow = useFollow(provider.awareness, camera, room?.map ?? null, false);
  const people = peers.length;
  const joinSmall = settings.join === 'small' || (settings.join === 'auto' && people >= JOINED_ENOUGH);

  useEffect(() => {
    document.title = t.t('projector.documentTitle', { title: meta.title });
  }, [meta.title, t]);

  // Follow whichever facilitator is present, and pick another if they leave; or stop, to show the board.
  useEffect(() => {
    if (!followsFacilitator) {
      if (follow.following !== null) follow.follow(null);
      return;
    }
    if (follow.following !== null) return;
    const choose = () => {
      for (const [clientId, state] of provider.awareness.getStates()) {
        if (clientId !== provider.awareness.clientID && (state as Record<string, unknown>)[FACILITATES_FIELD] === true) {
          follow.follow(clientId);
          return;
        }
      }
    };
    provider.awareness.on('change', choose);
    choose();
    return () => provider.awareness.off('change', choose);
  }, [provider.awareness, follow, followsFacilitator]);

  // The whole board: all six lanes across the screen, from the top; kept so as the screen resizes.
  useEffect(() => {
    if (!camera || follow.following !== null) return;
    const fit = () => {
      const { width, height } = camera.getViewport();
      const scale = Math.max(0.05, (width - MARGIN.side * 2) / BOARD_WIDTH);
      const y = MARGIN.top - PROJECTOR_LANE_HEADER.top * scale;
      camera.set({ scale, x: MARGIN.side, y });
      setScreenLaneHeight(Math.floor((height - y - MARGIN.bottom) / scale));
    };
    fit();
    return camera.subscribe(fit);
  }, [camera, follow.following]);

  return (
    <div className={joinSmall ? 'projector projector--joined' : 'projector'}>
      <h1 className="projector__title">{meta.title}</h1>
      <main className="projector__board" aria-label={t.t('projector.board')}>
        <BoardCanvas
          session={session}
          identity={PROJECTOR_IDENTITY}
          peers={peers}
          presence={NO_PRESENCE}
          readOnly
          onCamera={setCamera}
          noteFontSize={PROJECTOR_NOTE_FONT_SIZE}
          bylineFontSize={PROJECTOR_BYLINE_FONT_SIZE}
          laneHeader={PROJECTOR_LANE_HEADER}
          minLaneHeight={screenLaneHeight}
          cursorLabels={false}
        />
      </main>
      <aside className="projector__side" aria-label={t.t('projector.side')}>
        {room && <TimerDisplay map={room.map} canControl={false} large />}
        <JoinQrCode boardId={boardId} small={joinSmall} />
        <h2 className={joinSmall ? 'visually-hidden' : undefined}>{t.t('projector.hereNow')}</h2>
        <ul className="projector__counts" data-testid="projector-counts">
          {ROLES.map((role) => (
            <li key={role}>{peopleCount(role, peers.filter((peer) => peer.role === role).length, t)}</li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
