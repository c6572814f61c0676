/** Colours and type of the canvas, in one place so a high-contrast theme can replace them. */
export const CANVAS_THEME = {
  background: '#eef1f5',
  laneFill: '#ffffff',
  laneStroke: '#c4ccd8',
  laneHeaderFill: '#dde5f0',
  laneFocusStroke: '#1a4fa3',
  laneTitle: '#14233c',
  lanePrompt: '#2f3d52',
  noteStroke: '#8a8f98',
  noteSelectedStroke: '#1a4fa3',
  noteText: '#1a1a1a',
  noteMeta: '#3b3f45',
  /** The "New" / "Changed" mark since the last visit: the lane list's outline colour. */
  noteMark: '#b3471d',
  noteMarkText: '#ffffff',
  /** Dot counts and the "+ dot" target of an open vote. */
  noteDotsFill: '#1a4fa3',
  noteDotsText: '#ffffff',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
} as const;

export type CanvasTheme = Readonly<Record<keyof typeof CANVAS_THEME, string>>;

/** The canvas under the high-contrast setting: black lines and text on white, a dark blue focus. */
export const HIGH_CONTRAST_CANVAS_THEME: CanvasTheme = {
  ...CANVAS_THEME,
  background: '#ffffff',
  laneFill: '#ffffff',
  laneStroke: '#000000',
  laneHeaderFill: '#ffffff',
  laneFocusStroke: '#002a6b',
  laneTitle: '#000000',
  lanePrompt: '#000000',
  noteStroke: '#000000',
  noteSelectedStroke: '#002a6b',
  noteText: '#000000',
  noteMeta: '#000000',
  noteMark: '#000000',
  noteMarkText: '#ffffff',
  noteDotsFill: '#002a6b',
  noteDotsText: '#ffffff',
};

/** Below this zoom, note text would be unreadably small, so notes are drawn as plain shapes. */
export const DETAIL_MIN_SCALE = 0.3;
