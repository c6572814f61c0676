import { addReply, createAnonymousNote, createNote, joinBoard, linkNotes } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { linkedBoardPerTest } from '../support/linkedBoard.ts';
import { callApi } from '../support/linksApi.ts';
import { eventually } from '../support/waitFor.ts';

const boards = linkedBoardPerTest();

describe('GET /api/boards/<id>/you-said-we-did', () => {
  it('gives a facilitator a printable page and Markdown of what lay people said and what came of it', async () => {
    const { server, boardId, facilitatorToken, editToken, viewToken } = await boards.start('Clinic <letters>');
    const facilitator = boards.join(boardId, facilitatorToken);
    await facilitator.whenSynced();
    const doc = facilitator.doc;
    joinBoard(doc, { participantId: 'f', role: 'practitioner' });
    const said = createNote(doc, { lane: 'define', text: 'Letters are <b>confusing</b>', author: 'Ann', authorRole: 'lay' });
    const quiet = createAnonymousNote(doc, { lane: 'define', text: 'I was scared to ask', authorRole: 'lay' });
    createNote(doc, { lane: 'design', text: 'Not heard yet', author: 'Cy', authorRole: 'lay', createdAt: Date.UTC(2020, 0, 2) });
    const decided = createNote(doc, {
      lane: 'decide',
      text: 'Rewrite every letter',
      author: 'Dr Rao',
      authorRole: 'practitioner',
    });
    linkNotes(doc, decided, said);
    addReply(doc, {
      noteId: quiet,
      text: 'Thank you for saying',
      author: 'Dr Rao',
      authorRole: 'practitioner',
      anonymous: false,
    });

    const path = `/api/boards/${boardId}/you-said-we-did`;
    const get = (query: string, token = facilitatorToken) => callApi(server.httpUrl, `${path}${query}`, { token });
    let html = '';
    await eventually(async () => {
      html = await (await get('')).text();
      expect(html).toContain('Thank you for saying');
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>You said, we did: Clinic &lt;letters&gt;</title>');
    expect(html).toContain('Letters are &lt;b&gt;confusing&lt;/b&gt;');
    expect(html).toContain('Rewrite every letter');
    expect(html).toContain('1 of 3 reached a decision or further.');
    expect(html).toContain('Not yet');

    const page = await get('');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const markdown = await get('?format=md&names=0');
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await markdown.text();
    expect(text).toContain('> I was scared to ask — A lay participant\n');
    expect(text).not.toMatch(/Ann|Rao|Cy/);

    const welsh = await (await get('?lang=cy')).text();
    expect(welsh.startsWith('<!doctype html>\n<html lang="cy" dir="ltr">')).toBe(true);
    expect(welsh).toContain('<title>Dywedoch chi, fe wnaethon ni: Clinic &lt;letters&gt;</title>');
    expect(welsh).toContain('Cyrhaeddodd 1 o 3 benderfyniad neu gam pellach.');
    expect(welsh).toContain('Letters are &lt;b&gt;confusing&lt;/b&gt;');
    expect(await (await get('?format=md&lang=cy')).text()).toContain('## Diffinio');

    const day = (await (await get('?format=json&date=2020-01-02')).json()) as { total: number; date: string };
    expect(day).toMatchObject({ total: 1, date: '2020-01-02' });

    expect((await get('', editToken)).status).toBe(403);
    expect((await get('', viewToken)).status).toBe(403);
    expect((await get('?date=2020-1-2')).status).toBe(400);
    expect((await get('?format=pdf')).status).toBe(400);
    expect((await get('?lang=fr')).status).toBe(400);
    expect((await get('?lang=en-XA')).status).toBe(400);
    expect((await callApi(server.httpUrl, '/api/boards/nope/you-said-we-did', { token: facilitatorToken })).status).toBe(404);

    // Erased: gone from the report too, with the reply on it.
    const erased = await callApi(server.httpUrl, `/api/boards/${boardId}/erase`, {
      token: facilitatorToken,
      body: { noteIds: [quiet] },
    });
    expect(erased.status).toBe(200);
    const after = await (await get('')).text();
    expect(after).not.toContain('scared to ask');
    expect(after).not.toContain('Thank you for saying');
  });
});
