import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBoard } from './createBoard.ts';

afterEach(() => vi.unstubAllGlobals());

describe('createBoard refused for too many boards', () => {
  it('says how long to wait in the reader’s language, from Retry-After, not the server’s English', async () => {
    vi.stubGlobal('navigator', { languages: ['cy'] });
    const body = { error: { code: 'too_many_boards', message: 'Many boards were created… Try again in 2 minutes' } };
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 429, headers: { 'retry-after': '90' } })),
    );
    await expect(createBoard('Clinig')).rejects.toThrow(
      'Cafodd llawer o fyrddau eu creu o’r rhwydwaith hwn yn yr awr ddiwethaf. Rhowch gynnig arall arni ymhen 2 funud, neu defnyddiwch fwrdd sy’n bodoli eisoes.',
    );
  });
});
