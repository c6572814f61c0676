import { LANES, type LaneId, laneTitle } from '@costudio/shared';
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useNarrowScreen } from '../settings/useNarrowScreen.ts';
import type { CameraController } from './CameraController.ts';
import { useZoomPercent } from './useZoomPercent.ts';

interface CanvasToolbarProps {
  targetLane: LaneId;
  readOnly: boolean;
  /** A view-only link: the writing buttons are left out, not greyed (a lock greys them). */
  viewOnly?: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Read here, not passed in: zooming then re-renders the toolbar, not the whole board. */
  camera: CameraController;
  onAddNote(): void;
  onUndo(): void;
  onRedo(): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  /** Brings a lane into view and makes it the one "Add note" adds to. */
  onGoToLane(lane: LaneId): void;
  /** Shown beside "Add note": posting anonymously. */
  addOther?: ReactNode;
}

/** Buttons for everything the canvas does by gesture, so no action needs a mouse. */
export function CanvasToolbar(props: CanvasToolbarProps) {
  const t = useT();
  const lane = laneTitle(t, props.targetLane);
  const zoomPercent = useZoomPercent(props.camera);
  // On a phone six lane buttons would take two rows of the screen: one menu says the same.
  const narrow = useNarrowScreen();
  const laneSelectId = useId();
  const moreToolsId = useId();
  const [moreOpen, setMoreOpen] = useState(false);
  // On a phone the toolbar is one row (add a note, choose a lane, more tools); the rest opens
  // under it on request, instead of three rows of buttons over the board.
  const addNote = !props.viewOnly && (
    <button type="button" className="button-primary" disabled={props.readOnly} onClick={props.onAddNote} aria-keyshortcuts="N">
      {t.t('toolbar.addNote')} <span className="visually-hidden">{t.t('toolbar.addTo', { lane })}</span>
      {!narrow && (
        <span aria-hidden="true" className="canvas-toolbar__hint">
          ({lane})
        </span>
      )}
    </button>
  );
  const moreTools = (
    <>
      {!props.viewOnly && (
        <>
          {props.addOther}
          <button
            type="button"
            disabled={props.readOnly || !props.canUndo}
            onClick={props.onUndo}
            aria-keyshortcuts="Control+Z Meta+Z"
          >
            {t.t('toolbar.undo')}
          </button>
          <button
            type="button"
            disabled={props.readOnly || !props.canRedo}
            onClick={props.onRedo}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          >
            {t.t('toolbar.redo')}
          </button>
        </>
      )}
      <span className="canvas-toolbar__zoom">
        <button type="button" onClick={props.onZoomOut} aria-label={t.t('toolbar.zoomOut')} aria-keyshortcuts="-">
          −
        </button>
        {/* Not an <output>: its implicit live region would announce every zoom step. */}
        <span className="canvas-toolbar__zoom-level">
          <span className="visually-hidden">{t.t('toolbar.zoomLevel')}</span>
          {zoomPercent}%
        </span>
        <button type="button" onClick={props.onZoomIn} aria-label={t.t('toolbar.zoomIn')} aria-keyshortcuts="+">
          +
        </button>
      </span>
      <button type="button" onClick={props.onFit} aria-keyshortcuts="0">
        {t.t('toolbar.fit')}
      </button>
    </>
  );
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t.t('toolbar.label')}>
      {addNote}
      {!narrow && moreTools}
      {/* All six lanes, always in sight: the last two are off the screen at a readable zoom. */}
      <nav className="lane-tabs" aria-label={t.t('toolbar.lanes')}>
        {narrow ? (
          <>
            <label htmlFor={laneSelectId}>{t.t('toolbar.goToLane')}</label>{' '}
            <select
              id={laneSelectId}
              value={props.targetLane}
              onChange={(event) => props.onGoToLane(event.target.value as LaneId)}
            >
              {LANES.map((item) => (
                <option key={item.id} value={item.id}>
                  {laneTitle(t, item.id)}
                </option>
              ))}
            </select>
          </>
        ) : (
          LANES.map((item, index) => (
            <button
              key={item.id}
              type="button"
              className="lane-tabs__tab"
              aria-current={item.id === props.targetLane ? 'true' : undefined}
              aria-keyshortcuts={String(index + 1)}
              onClick={() => props.onGoToLane(item.id)}
            >
              {laneTitle(t, item.id)}
            </button>
          ))
        )}
      </nav>
      {narrow && (
        <>
          <button
            type="button"
            className="canvas-toolbar__more"
            aria-expanded={moreOpen}
            aria-controls={moreToolsId}
            onClick={() => setMoreOpen((open) => !open)}
          >
            {t.t('toolbar.moreTools')}
          </button>
          <div id={moreToolsId} className="canvas-toolbar__more-tools" hidden={!moreOpen}>
            {moreOpen && moreTools}
          </div>
        </>
      )}
    </div>
  );
}
