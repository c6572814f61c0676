import {
  collectSubjectAccess,
  DEFAULT_LOCALE,
  isLocale,
  PARTICIPANT_ID_PATTERN,
  renderSubjectAccessMarkdown,
  translator,
} from '@costudio/shared';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { type BoardDocRouteOptions, facilitatorGet } from './facilitatorOnly.ts';

const PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/subject-access\/?$/;

export type SubjectAccessRouteOptions = BoardDocRouteOptions;

/**
 * GET /api/boards/<id>/subject-access?author=<name>&participantId=<id>[&format=md][&lang=cy]
 * (facilitator): everything one person wrote or voted on the board, as JSON or a readable
 * Markdown page in `lang` (default English), for a subject-access request (docs/privacy.md).
 */
export function subjectAccessRoute(options: SubjectAccessRouteOptions): HttpRoute {
  return facilitatorGet(options, PATH, 'export what one person wrote', async (boardId, request, response) => {
    const params = new URL(request.url ?? '/', 'http://x').searchParams;
    const author = params.get('author')?.trim() ?? '';
    const participantId = params.get('participantId') ?? '';
    if ((author === '' && participantId === '') || (participantId !== '' && !PARTICIPANT_ID_PATTERN.test(participantId))) {
      sendError(
        response,
        400,
        'invalid_request',
        'Say whose data: an author’s name (author=) and/or a participant id (participantId=)',
      );
      return;
    }
    const lang = params.get('lang') ?? DEFAULT_LOCALE;
    if (!isLocale(lang)) {
      sendError(response, 400, 'invalid_request', 'Ask for the report in a language Costudio speaks: lang=en or lang=cy');
      return;
    }
    const t = translator(lang);
    const { doc } = await options.rooms.openRoom(boardId);
    const who = { ...(author ? { author } : {}), ...(participantId ? { participantId } : {}) };
    const record = collectSubjectAccess(doc, who, t);
    if (params.get('format') === 'md') {
      response.writeHead(200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': 'attachment; filename="subject-access.md"',
        'content-language': t.locale,
        'cache-control': 'no-store',
      });
      response.end(renderSubjectAccessMarkdown(record, t));
    } else {
      sendJson(response, 200, record);
    }
  });
}
