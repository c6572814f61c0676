import { saveSettings } from './deviceSettings.ts';
import { useDeviceSettings } from './useDeviceSettings.ts';
import { useNarrowScreen } from './useNarrowScreen.ts';

export type BoardView = 'canvas' | 'list';

/**
 * The board view to show: the person's choice on this device, or, until they choose, the list
 * on narrow screens (six lanes cannot be read there) and the canvas elsewhere.
 */
export function useBoardView(): { view: BoardView; setView(view: BoardView): void } {
  const { boardView } = useDeviceSettings();
  const narrow = useNarrowScreen();
  const view: BoardView = boardView === 'auto' ? (narrow ? 'list' : 'canvas') : boardView;
  return { view, setView: (next) => saveSettings({ boardView: next }) };
}
