import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { projectorJoinUrl } from './joinLink.ts';

/** A QR code and the typed address of a "can edit" link, for people in the room to join. */
export function JoinQrCode({ boardId }: { boardId: string }) {
  const [join, setJoin] = useState<{ url: string; image: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    projectorJoinUrl(boardId)
      .then(async (url) => {
        if (!url) {
          setProblem('Open the projector view from the facilitator’s device to show a join code.');
          return;
        }
        const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
        if (!cancelled) setJoin({ url, image: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : 'No join code just now.'));
    return () => {
      cancelled = true;
    };
  }, [boardId]);
  if (problem) return <p className="projector__join">{problem}</p>;
  if (!join) return null;
  return (
    <figure className="projector__join">
      <img className="projector__qr" src={join.image} alt="QR code to join this board" width={320} height={320} />
      <figcaption>
        Scan to join, or type: <span className="projector__url">{join.url}</span>
      </figcaption>
    </figure>
  );
}
