import { PROJECTOR_KEY, type ProjectorSettings, readProjectorSettings } from '@costudio/shared';
import type * as Y from 'yjs';
import { useT } from '../i18n/useT.ts';

const VIEWS: readonly ProjectorSettings['view'][] = ['board', 'follow'];
const JOIN_SIZES: readonly ProjectorSettings['join'][] = ['auto', 'large', 'small'];

/** The facilitator's choices for the room's screen, kept in the facilitation room (re-rendered by its `room`). */
export function ProjectorControls({ boardId, map }: { boardId: string; map: Y.Map<unknown> }) {
  const t = useT();
  const settings = readProjectorSettings(map);
  const save = (next: Partial<ProjectorSettings>) => map.set(PROJECTOR_KEY, { ...settings, ...next });
  return (
    <>
      <a href={`/b/${boardId}?view=projector`} target="_blank" rel="noopener">
        {t.t('projector.open')}
        <span className="visually-hidden">{t.t('projector.newTab')}</span>
      </a>
      <fieldset className="choice-group">
        <legend>{t.t('projector.shows')}</legend>
        {VIEWS.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="projector-view"
              checked={settings.view === choice}
              onChange={() => save({ view: choice })}
            />{' '}
            {t.t(`projector.view.${choice}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t.t('projector.joinSize')}</legend>
        {JOIN_SIZES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="projector-join"
              checked={settings.join === choice}
              onChange={() => save({ join: choice })}
            />{' '}
            {t.t(`projector.join.${choice}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
