import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type AwarenessOwner, gateAwarenessUpdate } from './awarenessGate.ts';

const FACILITATOR = 10;
const VIEWER = 20;

/** An awareness update as a client with `clientID` would send it, at a chosen clock. */
function presence(clientID: number, state: Record<string, unknown> | null, bumps = 0): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 0; i < bumps; i++) awareness.setLocalState({ bump: i });
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientID]);
  awareness.destroy();
  return update;
}

/** The room's awareness with the facilitator present, and what a gated update does to it. */
function roomAfter(update: Uint8Array, owners: Record<number, AwarenessOwner>, facilitates: boolean) {
  const room = new awarenessProtocol.Awareness(new Y.Doc());
  room.setLocalState(null);
  awarenessProtocol.applyAwarenessUpdate(room, presence(FACILITATOR, { name: 'Fran', facilitates: true }), 'fran');
  const gated = gateAwarenessUpdate(update, { ownerOf: (client) => owners[client] ?? 'nobody', facilitates });
  if (gated) awarenessProtocol.applyAwarenessUpdate(room, gated, 'sender');
  return { gated, states: room.getStates() };
}

describe('gateAwarenessUpdate', () => {
  it('drops a state forged under the facilitator’s id with a higher clock', () => {
    const forged = presence(FACILITATOR, { name: 'SPOOFED', facilitates: true, view: { x: 0, y: 0, width: 1, height: 1 } }, 5);
    const { gated, states } = roomAfter(forged, { [FACILITATOR]: 'another-connection' }, false);
    expect(gated).toBeNull();
    expect(states.get(FACILITATOR)).toEqual({ name: 'Fran', facilitates: true });
  });

  it('drops an empty state that would remove someone else', () => {
    const { states } = roomAfter(presence(FACILITATOR, null, 5), { [FACILITATOR]: 'another-connection' }, false);
    expect(states.get(FACILITATOR)).toEqual({ name: 'Fran', facilitates: true });
  });

  it('keeps a viewer’s own presence but not its claim to facilitate', () => {
    const own = presence(VIEWER, { name: 'Vi', facilitates: true });
    const { states } = roomAfter(own, { [VIEWER]: 'this-connection' }, false);
    expect(states.get(VIEWER)).toEqual({ name: 'Vi' });
  });

  it('keeps a facilitator’s flag, and passes an update that needs no change as it came', () => {
    const own = presence(VIEWER, { name: 'Fay', facilitates: true });
    const gated = gateAwarenessUpdate(own, { ownerOf: () => 'this-connection', facilitates: true });
    expect(gated).toBe(own);
  });

  it('keeps the sender’s entries from a mixed update and drops the rest', () => {
    const room = new awarenessProtocol.Awareness(new Y.Doc());
    const mixed = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(mixed, presence(FACILITATOR, { name: 'SPOOFED' }, 3), null);
    awarenessProtocol.applyAwarenessUpdate(mixed, presence(VIEWER, { name: 'Vi' }), null);
    const update = awarenessProtocol.encodeAwarenessUpdate(mixed, [FACILITATOR, VIEWER]);
    const owners: Record<number, AwarenessOwner> = { [FACILITATOR]: 'another-connection' };
    const gated = gateAwarenessUpdate(update, { ownerOf: (client) => owners[client] ?? 'nobody', facilitates: false });
    expect(gated).not.toBeNull();
    awarenessProtocol.applyAwarenessUpdate(room, gated as Uint8Array, 'sender');
    expect(room.getStates().get(VIEWER)).toEqual({ name: 'Vi' });
    expect(room.getStates().has(FACILITATOR)).toBe(false);
  });
});
