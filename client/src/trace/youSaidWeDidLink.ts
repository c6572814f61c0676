/** The board's "You said, we did" page is the board's address with this view (like the projector's). */
export const YOU_SAID_WE_DID_VIEW = 'you-said-we-did';

/** True when the page's query asks for the "You said, we did" page. */
export function isYouSaidWeDidView(search: string): boolean {
  return new URLSearchParams(search).get('view') === YOU_SAID_WE_DID_VIEW;
}

/** The page's address, relative to the board's: keeps the board's path and its link token (in the fragment). */
export function youSaidWeDidHref(date?: string): string {
  const query = new URLSearchParams({ view: YOU_SAID_WE_DID_VIEW });
  if (date) query.set('date', date);
  return `?${query.toString()}${location.hash}`;
}
