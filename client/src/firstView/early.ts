import { startFirstViewRequest } from './firstViewRequests.ts';

// The page's first script (index.html), kept tiny so it runs while the app's script is still
// being fetched and compiled: the board's first view is then on its way a few hundred
// milliseconds sooner than if the app asked for it (issue 12: a big board's first picture).
startFirstViewRequest(location.pathname);
