import { type BoardMeta, CURRENT_SCHEMA_VERSION, getMetaMap, readMeta } from '@costudio/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export interface BoardMetaView extends BoardMeta {
  /** The board was written by a newer Costudio; this client must only look. */
  tooNew: boolean;
}

function view(doc: Y.Doc): BoardMetaView {
  const meta = readMeta(doc);
  return { ...meta, tooNew: meta.schemaVersion > CURRENT_SCHEMA_VERSION };
}

export function useBoardMeta(doc: Y.Doc): BoardMetaView {
  const [meta, setMeta] = useState(() => view(doc));
  useEffect(() => {
    const map = getMetaMap(doc);
    const update = () => setMeta(view(doc));
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc]);
  return meta;
}
