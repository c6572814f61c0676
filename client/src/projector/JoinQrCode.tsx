import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { type ProjectorJoin, projectorJoin, spacedCode } from './joinLink.ts';

/**
 * A QR code and the typed address of a "can edit" link, for people in the room to join. The
 * short address (`…/j/<code>`) is what the QR code holds too: fewer modules, easier to scan.
 */
export function JoinQrCode({ boardId, small = false }: { boardId: string; small?: boolean }) {
  const t = useT();
  const [join, setJoin] = useState<(ProjectorJoin & { image: string }) | null>(null);
  // A message id (shown in the current language), or a failure linksApi already put in the reader's words.
  const [problem, setProblem] = useState<{ id: 'projector.needFacilitator' | 'projector.noCode' } | { text: string } | null>(
    null,
  );
  useEffect(() => {
    let cancelled = false;
    projectorJoin(boardId)
      .then(async (found) => {
        if (!found) {
          setProblem({ id: 'projector.needFacilitator' });
          return;
        }
        // The QR library's own errors are English: the reader gets "no code" instead.
        const svg = await QRCode.toString(found.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).catch(() => null);
        if (svg === null) {
          if (!cancelled) setProblem({ id: 'projector.noCode' });
          return;
        }
        if (!cancelled) setJoin({ ...found, image: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? { text: error.message } : { id: 'projector.noCode' }));
    return () => {
      cancelled = true;
    };
  }, [boardId]);
  if (problem) return <p className="projector__join">{'id' in problem ? t.t(problem.id) : problem.text}</p>;
  if (!join) return null;
  // A short address may wrap after its last slash, never inside the code at its end.
  const slash = join.code ? join.url.lastIndexOf('/') + 1 : join.url.length;
  return (
    <figure className={small ? 'projector__join projector__join--small' : 'projector__join'}>
      <img className="projector__qr" src={join.image} alt={t.t('projector.qr')} width={320} height={320} />
      <figcaption>
        <span className="projector__scan">{t.t('projector.scan')}</span>
        <span className={join.code ? 'projector__url projector__url--short' : 'projector__url'}>
          {join.url.slice(0, slash)}
          <span className="projector__url-end">{join.url.slice(slash)}</span>
        </span>
        {join.code && (
          <span className="projector__code">
            {t.t('projector.code')}
            <span>{spacedCode(join.code)}</span>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
