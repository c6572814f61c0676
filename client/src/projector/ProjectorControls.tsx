import { PROJECTOR_KEY, type ProjectorSettings, readProjectorSettings } from '@costudio/shared';
import type * as Y from 'yjs';

const VIEWS: readonly { value: ProjectorSettings['view']; label: string }[] = [
  { value: 'board', label: 'The whole board' },
  { value: 'follow', label: 'What I see' },
];
const JOIN_SIZES: readonly { value: ProjectorSettings['join']; label: string }[] = [
  { value: 'auto', label: 'Large until 3 people are here' },
  { value: 'large', label: 'Large' },
  { value: 'small', label: 'Small, in a corner' },
];

/** The facilitator's choices for the room's screen, kept in the facilitation room (re-rendered by its `room`). */
export function ProjectorControls({ boardId, map }: { boardId: string; map: Y.Map<unknown> }) {
  const settings = readProjectorSettings(map);
  const save = (next: Partial<ProjectorSettings>) => map.set(PROJECTOR_KEY, { ...settings, ...next });
  return (
    <>
      <a href={`/b/${boardId}?view=projector`} target="_blank" rel="noopener">
        Open the projector screen<span className="visually-hidden"> (in a new tab)</span>
      </a>
      <fieldset className="choice-group">
        <legend>The projector shows</legend>
        {VIEWS.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name="projector-view"
              checked={settings.view === choice.value}
              onChange={() => save({ view: choice.value })}
            />{' '}
            {choice.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>Join code on the projector</legend>
        {JOIN_SIZES.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name="projector-join"
              checked={settings.join === choice.value}
              onChange={() => save({ join: choice.value })}
            />{' '}
            {choice.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
