/** The vote panel's element id, for the buttons that open it (aria-controls) without loading it. */
export const VOTE_PANEL_ID = 'vote-panel';
