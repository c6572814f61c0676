/**
 * A change of rights that every instance must act on at once, whichever instance it was made
 * on (issue 14): sockets opened with a revoked link are closed, a deleted board's rooms dropped,
 * a board's locks re-read. Each instance announces what it did only after the store holds it,
 * so a receiver acts on what it reads from the store. Delivery may fail: a receiver also
 * re-checks its sockets against the store periodically and after 'lost' (access/RightsFollower).
 */
export type Announcement =
  /** A share link was switched off. */
  | { readonly kind: 'link-revoked'; readonly linkId: string }
  /** The room `roomId` (a board, its facilitation room or a private room) was deleted for good. */
  | { readonly kind: 'board-deleted'; readonly roomId: string }
  /** The board's facilitation document changed its locks or private writing. */
  | { readonly kind: 'facilitation-changed'; readonly boardId: string }
  /** Delivered locally, never sent: announcements may have been missed; re-check from the store. */
  | { readonly kind: 'lost' };

/** The channel every instance announces on and listens to. */
export interface Announcements {
  /** Tells every other instance; never throws (a lost announcement is caught by the re-check). */
  announce(announcement: Exclude<Announcement, { kind: 'lost' }>): void;
  /** Sets the one listener for other instances' announcements (and 'lost'). */
  listen(listener: (announcement: Announcement) => void): void;
}

/** A single instance has nobody to tell. */
export const NO_ANNOUNCEMENTS: Announcements = {
  announce() {},
  listen() {},
};

/** JSON, versioned; returns null for anything unreadable or from a newer instance. */
export function encodeAnnouncement(sender: string, announcement: Announcement): string {
  return JSON.stringify({ v: 1, sender, ...announcement });
}

export function decodeAnnouncement(data: string): { sender: string; announcement: Announcement } | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, sender, kind, boardId, linkId, roomId } = value as Record<string, unknown>;
  if (v !== 1 || typeof sender !== 'string') return null;
  if (kind === 'link-revoked' && typeof linkId === 'string') return { sender, announcement: { kind, linkId } };
  if (kind === 'board-deleted' && typeof roomId === 'string') return { sender, announcement: { kind, roomId } };
  if (kind === 'facilitation-changed' && typeof boardId === 'string') return { sender, announcement: { kind, boardId } };
  return null;
}
