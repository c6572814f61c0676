/**
 * localStorage that never throws: private browsing, a full quota or a blocked storage must not
 * stop anyone from using a board, it only means the device forgets.
 */
export function readStored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Forgetting is acceptable; failing to open the board is not.
  }
}
