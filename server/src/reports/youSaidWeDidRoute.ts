import {
  buildYouSaidWeDid,
  LOCALES,
  REPORT_DATE_PATTERN,
  type RealLocale,
  readMeta,
  readNotes,
  readReplies,
  translator,
  youSaidWeDidHtml,
  youSaidWeDidMarkdown,
} from '@costudio/shared';
import { type BoardDocRouteOptions, facilitatorGet } from '../dataProtection/facilitatorOnly.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';

const PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/you-said-we-did\/?$/;
const FORMATS = ['html', 'md', 'json'] as const;

export type YouSaidWeDidRouteOptions = BoardDocRouteOptions;

/**
 * GET /api/boards/<id>/you-said-we-did[?format=html|md|json][&date=YYYY-MM-DD][&names=0][&lang=en|cy]
 * (facilitator, docs/api.md): the 'You said, we did' report of the board as it is now — what
 * lay participants said (on one meeting date, when given) and what came of each — as a
 * printable HTML page (the default), Markdown or JSON. Erased notes are gone from the board,
 * so from the report; anonymous ones show only the role, and names=0 shows everyone by role.
 * lang picks the language of the report's words (English by default); board text stays as written.
 */
export function youSaidWeDidRoute(options: YouSaidWeDidRouteOptions): HttpRoute {
  return facilitatorGet(options, PATH, "make the 'You said, we did' report", async (boardId, request, response) => {
    const params = new URL(request.url ?? '/', 'http://x').searchParams;
    const format = params.get('format') ?? 'html';
    const date = params.get('date') ?? '';
    const lang = params.get('lang') ?? 'en';
    if (
      !(FORMATS as readonly string[]).includes(format) ||
      (date !== '' && !REPORT_DATE_PATTERN.test(date)) ||
      !isReportLocale(lang)
    ) {
      sendError(response, 400, 'invalid_request', 'Ask for format=html, md or json, a date as YYYY-MM-DD, and lang=en or cy');
      return;
    }
    const t = translator(lang);
    const { doc } = await options.rooms.openRoom(boardId);
    const report = buildYouSaidWeDid(
      {
        notes: readNotes(doc),
        replies: readReplies(doc),
        boardTitle: readMeta(doc).title,
        ...(date ? { date } : {}),
        names: params.get('names') !== '0',
      },
      t,
    );
    const fileName = `you-said-we-did${date ? `-${date}` : ''}`;
    if (format === 'json') {
      sendJson(response, 200, report);
    } else if (format === 'md') {
      response.writeHead(200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}.md"`,
        'cache-control': 'no-store',
      });
      response.end(youSaidWeDidMarkdown(report, t));
    } else {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `inline; filename="${fileName}.html"`,
        'cache-control': 'no-store',
        // The page is static text: no script, no outside resource, nothing framed.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      response.end(youSaidWeDidHtml(report, t));
    }
  });
}

/** Only the real languages: a pseudo-locale is for testing layouts, not for a report people read. */
function isReportLocale(value: string): value is RealLocale {
  return (LOCALES as readonly string[]).includes(value);
}
