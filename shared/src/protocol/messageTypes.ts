/**
 * Top-level message types on a Costudio socket. 0–3 are the standard y-websocket protocol
 * (y-protocols), so the stock WebsocketProvider works unchanged; Costudio's own messages use
 * numbers far above them and are sent only to clients that asked for them.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * Sent by the relay to a client that connected with `?saved=1`: a state vector (as
 * `Y.encodeStateVector` encodes it) holding, for each Yjs client id that this connection has
 * written, the clock up to which its updates are durably stored. A client whose own entry
 * reaches its local clock knows all its changes are saved.
 */
export const MESSAGE_SAVED = 100;

/** Query parameter a client adds to the socket URL to receive MESSAGE_SAVED. */
export const SAVED_PARAM = 'saved';
