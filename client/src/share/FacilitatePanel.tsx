import type { Access } from '@costudio/shared';
import { readLockedLanes } from '@costudio/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { LaneLockControls, LockButton } from '../lock/LockControls.tsx';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { SharePanel } from './SharePanel.tsx';
import './facilitation.css';
import { useT } from '../i18n/useT.ts';
import { FACILITATE_PANEL_ID } from './facilitatePanelId.ts';
import type { FacilitationRoom } from './useFacilitationRoom.ts';

/**
 * The facilitator's tools in one side sheet that opens and closes, so the board keeps the
 * screen in front of patients: share links and the QR code, the timer, locks, and whatever
 * the page passes in (private writing, follow, history and backups). Not modal: the board
 * stays usable beside it. Focus moves to its heading on open; Escape closes it.
 */
export function FacilitatePanel({
  boardId,
  access,
  token,
  room,
  locked,
  onClose,
  children,
}: {
  boardId: string;
  access: Access;
  token: string | null;
  room: FacilitationRoom | null;
  locked: boolean;
  onClose(): void;
  children?: ReactNode;
}) {
  const t = useT();
  const [shareOpen, setShareOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const facilitates = access === 'facilitate';
  return (
    <section
      id={FACILITATE_PANEL_ID}
      role="dialog"
      aria-modal="false"
      aria-labelledby="facilitate-heading"
      className="side-sheet facilitate-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="side-sheet__top">
        <h2 id="facilitate-heading" ref={headingRef} tabIndex={-1}>
          {t.t('header.facilitate')}
        </h2>
        <button type="button" onClick={onClose}>
          {t.t('facilitate.close')}
          <span className="visually-hidden">{t.t('facilitate.closeWhat')}</span>
        </button>
      </div>
      {facilitates && token && (
        <div className="facilitate-panel__group">
          <h3>{t.t('facilitate.invite')}</h3>
          <button type="button" aria-expanded={shareOpen} onClick={() => setShareOpen(!shareOpen)}>
            {t.t('facilitate.share')}
          </button>
          {shareOpen && <SharePanel boardId={boardId} token={token} />}
        </div>
      )}
      {room && (
        <div className="facilitate-panel__group">
          <h3>{t.t('facilitate.timer')}</h3>
          <TimerDisplay map={room.map} canControl={facilitates} />
        </div>
      )}
      {facilitates && room && (
        <div className="facilitate-panel__group">
          <h3>{t.t('facilitate.stop')}</h3>
          <LockButton map={room.map} locked={locked} />
          <LaneLockControls map={room.map} locked={readLockedLanes(room.map)} />
        </div>
      )}
      {children}
    </section>
  );
}
