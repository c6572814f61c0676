import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A number that changes whenever anything inside `type` changes, to key memoised reads on. */
// biome-ignore lint/suspicious/noExplicitAny: any Yjs type; only observeDeep is used
export function useYVersion(type: Y.AbstractType<any>): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((value) => value + 1);
    type.observeDeep(bump);
    bump();
    return () => type.unobserveDeep(bump);
  }, [type]);
  return version;
}
