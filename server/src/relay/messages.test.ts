import { MESSAGE_SAVED } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeSavedMessage,
  encodeSyncStep1,
  encodeUpdateMessage,
  MalformedMessageError,
} from './messages.ts';

function frame(...parts: Array<number | Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function docWithNote(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('notes').set('n1', 'hello');
  return doc;
}

describe('decodeClientMessage', () => {
  it('decodes the standard y-websocket messages', () => {
    const doc = docWithNote();
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(frame(0, 0, sv))).toEqual({ type: 'sync-step1', stateVector: sv });
    expect(decodeClientMessage(frame(0, 1, update))).toEqual({ type: 'sync-step2', update });
    expect(decodeClientMessage(frame(0, 2, update))).toEqual({ type: 'update', update });
    expect(decodeClientMessage(frame(1, new Uint8Array([1, 2])))).toEqual({
      type: 'awareness',
      update: new Uint8Array([1, 2]),
    });
    expect(decodeClientMessage(frame(3))).toEqual({ type: 'query-awareness' });
    expect(decodeClientMessage(frame(2, 0, 'x'.length))).toEqual({ type: 'auth' });
  });

  it('reads what the server itself encodes', () => {
    const doc = docWithNote();
    expect(decodeClientMessage(encodeSyncStep1(doc))).toMatchObject({ type: 'sync-step1' });
    expect(decodeClientMessage(encodeUpdateMessage(new Uint8Array([0, 0])))).toMatchObject({ type: 'update' });
  });

  it.each([
    ['an empty frame', new Uint8Array([]), /missing message type/],
    ['a truncated varint', new Uint8Array([0x80]), /truncated or invalid message type/],
    ['an unknown message type', frame(7), /unknown message type 7/],
    ['Costudio’s own server-only type', frame(MESSAGE_SAVED), /unknown message type 100/],
    ['an unknown sync type', frame(0, 9, new Uint8Array([0])), /unknown sync message type 9/],
    ['a sync frame without payload', frame(0, 2), /truncated sync payload/],
    ['a payload longer than the frame', new Uint8Array([0, 2, 50, 1, 2]), /truncated sync payload/],
    ['a bad state vector', frame(0, 0, new Uint8Array([5, 0x80])), /invalid state vector/],
    ['an awareness frame without payload', frame(1), /truncated awareness payload/],
  ])('refuses %s', (_name, data, message) => {
    expect(() => decodeClientMessage(data)).toThrow(MalformedMessageError);
    expect(() => decodeClientMessage(data)).toThrow(message);
  });

  it('never throws anything but MalformedMessageError on random bytes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: random() % 40 }, () => random() & 0xff);
      try {
        decodeClientMessage(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedMessageError);
      }
    }
  });
});

describe('encodeSavedMessage', () => {
  it('is MESSAGE_SAVED followed by a Yjs state vector', () => {
    const message = encodeSavedMessage(new Map([[12, 5]]));
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SAVED);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(new Map([[12, 5]]));
  });
});
