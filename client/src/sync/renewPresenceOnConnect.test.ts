import { ObservableV2 } from 'lib0/observable';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { renewPresenceOnConnect } from './renewPresenceOnConnect.ts';

/** The relay's copy of awareness, fed what the person's page sends. */
function relayOf(person: awarenessProtocol.Awareness) {
  const relay = new awarenessProtocol.Awareness(new Y.Doc());
  const send = () =>
    awarenessProtocol.applyAwarenessUpdate(relay, awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID]), 'socket');
  return { relay, send };
}

describe('renewPresenceOnConnect', () => {
  it('brings a person back to the relay after a reconnect, where the stock re-send is ignored', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ name: 'Mo' });
    const provider = Object.assign(new ObservableV2<{ status: (event: { status: string }) => void }>(), { awareness });
    const { relay, send } = relayOf(awareness);
    send();
    // The socket closes: the relay forgets the state, not its clock.
    awarenessProtocol.removeAwarenessStates(relay, [doc.clientID], null);

    // The stock provider re-sends the same state under the same clock: ignored.
    send();
    expect(relay.getStates().has(doc.clientID)).toBe(false);

    const stop = renewPresenceOnConnect(provider as unknown as WebsocketProvider);
    provider.emit('status', [{ status: 'connected' }]);
    send();
    expect(relay.getStates().get(doc.clientID)).toEqual({ name: 'Mo' });
    stop();
    awareness.destroy();
  });
});
