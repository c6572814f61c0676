import { ROLE_INFO, ROLES } from '@costudio/shared';
import { useEffect, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import type { CameraController } from '../canvas/CameraController.ts';
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
import './projector.css';

/** The projector is not a participant: it publishes no name, role or cursor. */
const PROJECTOR_IDENTITY: Identity = { name: 'Projector', role: 'practitioner' };
const NO_PRESENCE: LocalPresence = { setCursor: () => {}, setFocusedNote: () => {} };

/**
 * `/b/<id>?view=projector`: the room's screen. The board without editing tools, following the
 * facilitator's view; a QR code and address to join with edit rights; the timer; who is here.
 */
export function ProjectorView({ session }: { session: BoardSession }) {
  const { boardId, doc, provider } = session;
  const meta = useBoardMeta(doc);
  const peers = usePeers(provider.awareness);
  const room = useFacilitationRoom(boardId);
  const [camera, setCamera] = useState<CameraController | null>(null);
  const follow = useFollow(provider.awareness, camera, room?.map ?? null, false);

  useEffect(() => {
    document.title = `${meta.title} – projector – Costudio`;
  }, [meta.title]);

  // Follow whichever facilitator is present, and pick another if they leave.
  useEffect(() => {
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
  }, [provider.awareness, follow]);

  return (
    <div className="projector">
      <h1 className="projector__title">{meta.title}</h1>
      <main className="projector__board" aria-label="Board">
        <BoardCanvas
          session={session}
          identity={PROJECTOR_IDENTITY}
          peers={peers}
          presence={NO_PRESENCE}
          readOnly
          onCamera={setCamera}
        />
      </main>
      <aside className="projector__side">
        {room && <TimerDisplay map={room.map} canControl={false} large />}
        <JoinQrCode boardId={boardId} />
        <h2>Here now</h2>
        <ul className="projector__counts" data-testid="projector-counts">
          {ROLES.map((role) => (
            <li key={role}>
              {ROLE_INFO[role].label}: {peers.filter((peer) => peer.role === role).length}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
