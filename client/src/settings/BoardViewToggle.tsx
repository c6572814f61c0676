import { useT } from '../i18n/useT.ts';
import './settings.css';
import type { BoardView } from './useBoardView.ts';

const VIEWS: readonly BoardView[] = ['canvas', 'list'];

/** Two pressed/unpressed buttons: the canvas and the lane list are equal views of one board. */
export function BoardViewToggle({ view, onChange }: { view: BoardView; onChange(view: BoardView): void }) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend box to the header
    <div className="view-toggle" role="group" aria-label={t.t('view.showAs')}>
      {VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          className="view-toggle__option"
          aria-pressed={view === option}
          onClick={() => onChange(option)}
        >
          {t.t(`view.${option}`)}
        </button>
      ))}
    </div>
  );
}
