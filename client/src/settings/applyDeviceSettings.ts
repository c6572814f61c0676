import { readSettings, subscribeSettings } from './deviceSettings.ts';

/**
 * Applies text size and theme to the whole page, on every page (start, join, board): the root
 * font size scales everything sized in rem, and `data-theme` switches the colour variables.
 */
export function applyDeviceSettings(root: HTMLElement = document.documentElement): () => void {
  const apply = () => {
    const settings = readSettings();
    root.style.fontSize = settings.textSize === 100 ? '' : `${settings.textSize}%`;
    // Large text can make the header taller than a small screen; a11y.css then lets the page scroll.
    if (settings.textSize >= 150) root.dataset.largeText = '';
    else delete root.dataset.largeText;
    if (settings.highContrast) root.dataset.theme = 'high-contrast';
    else delete root.dataset.theme;
  };
  apply();
  return subscribeSettings(apply);
}
