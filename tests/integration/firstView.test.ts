import { createNote, FIRST_VIEW_NOTES_PER_LANE, type FirstView, LANE_IDS, PRIVATE_INFIX } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { linkedBoardPerTest } from '../support/linkedBoard.ts';
import { callApi, postWithToken } from '../support/linksApi.ts';
import { eventually } from '../support/waitFor.ts';

const boards = linkedBoardPerTest();

describe('GET /api/boards/<id>/first-view', () => {
  it('gives anyone the board would let read it the top notes of each lane, and refuses the rest as the relay does', async () => {
    const { server, boardId, facilitatorToken, viewToken } = await boards.start('Clinic');
    const facilitator = boards.join(boardId, facilitatorToken);
    await facilitator.whenSynced();
    const rows = FIRST_VIEW_NOTES_PER_LANE + 5;
    facilitator.doc.transact(() => {
      for (let row = 0; row < rows; row++) {
        for (const lane of LANE_IDS) {
          createNote(facilitator.doc, {
            lane,
            text: `${lane} ${row}`,
            author: 'Ann',
            authorRole: 'lay',
            x: 0,
            y: 100 + row * 150,
          });
        }
      }
    });
    const path = `/api/boards/${boardId}/first-view`;
    let view: FirstView = { notes: [], noteCount: 0 };
    await eventually(async () => {
      const answer = await callApi(server.httpUrl, path, { token: viewToken });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      view = (await answer.json()) as FirstView;
      expect(view.noteCount).toBe(rows * LANE_IDS.length);
    });
    expect(view.notes).toHaveLength(FIRST_VIEW_NOTES_PER_LANE * LANE_IDS.length);
    expect(view.notes.filter((note) => note.lane === 'evaluate').at(-1)?.text).toBe(`evaluate ${FIRST_VIEW_NOTES_PER_LANE - 1}`);

    // The same refusals as the relay's: no link, a link switched off, another board's link.
    expect((await callApi(server.httpUrl, path)).status).toBe(403);
    const link = await postWithToken(server.httpUrl, `/api/boards/${boardId}/links`, facilitatorToken, { access: 'edit' });
    expect((await callApi(server.httpUrl, path, { token: link.token })).status).toBe(200);
    await callApi(server.httpUrl, `/api/boards/${boardId}/links/${link.id}`, { method: 'DELETE', token: facilitatorToken });
    expect((await callApi(server.httpUrl, path, { token: link.token })).status).toBe(403);
    const other = await postWithToken(server.httpUrl, '/api/boards', '', { title: 'Another' });
    expect((await callApi(server.httpUrl, path, { token: other.facilitatorLink.token })).status).toBe(403);

    // Nothing of a board that is not there, nor of a person's private writing room.
    expect((await callApi(server.httpUrl, '/api/boards/nope/first-view', { token: viewToken })).status).toBe(404);
    const privateRoom = `${boardId}${PRIVATE_INFIX}someone`;
    expect((await callApi(server.httpUrl, `/api/boards/${privateRoom}/first-view`, { token: viewToken })).status).toBe(404);
    expect((await callApi(server.httpUrl, path, { method: 'POST', token: viewToken, body: {} })).status).toBe(405);
  });
});
