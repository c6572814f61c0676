import type { PrivacyNotice } from '../config.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';

/**
 * GET /api/privacy-notice → 200 {text, mode}: the operator's words for the notice shown before
 * joining a board (PRIVACY_NOTICE, docs/privacy.md); `text` null when there are none, and the
 * client shows Costudio's own plain words. Public: it is read before anyone has joined.
 */
export function privacyNoticeRoute(notice: PrivacyNotice | undefined): HttpRoute {
  const body = notice ?? { text: null, mode: 'extend' };
  return async (request, response, pathname) => {
    if (pathname !== '/api/privacy-notice') return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'method_not_allowed', 'Use GET here', { allow: 'GET' });
      return true;
    }
    sendJson(response, 200, body);
    return true;
  };
}
