/** The Facilitate panel's element id, for the button that opens it (aria-controls) without loading it. */
export const FACILITATE_PANEL_ID = 'facilitate-panel';
