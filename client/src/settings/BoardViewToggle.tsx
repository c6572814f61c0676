import './settings.css';
import type { BoardView } from './useBoardView.ts';

const VIEWS: readonly { view: BoardView; label: string }[] = [
  { view: 'canvas', label: 'Board' },
  { view: 'list', label: 'List' },
];

/** Two pressed/unpressed buttons: the canvas and the lane list are equal views of one board. */
export function BoardViewToggle({ view, onChange }: { view: BoardView; onChange(view: BoardView): void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend box to the header
    <div className="view-toggle" role="group" aria-label="Show the board as">
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          className="view-toggle__option"
          aria-pressed={view === option.view}
          onClick={() => onChange(option.view)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
