/**
 * Awareness field that says a person facilitates the board: the projector follows them and
 * "Bring everyone to me" comes from them. Anyone can write awareness, so the relay decides it:
 * it is kept only on states published by a connection opened with a facilitator's link, and
 * removed from everyone else's (docs/protocol.md).
 */
export const FACILITATES_FIELD = 'facilitates';
