import {
  addReply,
  createNote,
  deleteNote,
  getRepliesMap,
  joinBoard,
  LOCKED_LANES_KEY,
  linkNotes,
  readNotes,
  readReplies,
} from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type { BoardClient } from '../support/boardClient.ts';
import { linkedBoardPerTest } from '../support/linkedBoard.ts';
import { callApi } from '../support/linksApi.ts';
import { waitFor } from '../support/waitFor.ts';

// Issue 16: the relay's rules for replies and links, against hand-made updates from raw sockets.

const boards = linkedBoardPerTest();
const { join, handMade } = boards;

/** A board with a facilitator and a watching participant, holding a lay note and a decision. */
async function boardWithLinks(title: string) {
  const { boardId, facilitatorToken, editToken, viewToken } = await boards.start(title);
  const facilitator = join(boardId, facilitatorToken);
  const watcher = join(boardId, editToken);
  await Promise.all([facilitator.whenSynced(), watcher.whenSynced()]);
  const said = createNote(facilitator.doc, { lane: 'define', text: 'Letters are confusing', author: 'Ann', authorRole: 'lay' });
  const decided = createNote(facilitator.doc, {
    lane: 'decide',
    text: 'Rewrite the letters',
    author: 'F',
    authorRole: 'practitioner',
  });
  await waitFor(() => readNotes(watcher.doc).length === 2, 'the notes to reach the watcher');
  return {
    boardId,
    facilitatorToken,
    editToken,
    viewToken,
    facilitator,
    watcher,
    said,
    decided,
  };
}

const threads = (client: BoardClient) => readReplies(client.doc).map((r) => `${r.authorRole}:${r.author}:${r.text}`);
const linksOf = (client: BoardClient, id: string) => readNotes(client.doc).find((note) => note.id === id)?.answers ?? [];

/** Waits until `client` holds a reply with `text`: everything the same socket sent before it has been judged. */
const marker = (client: BoardClient, text: string) =>
  waitFor(() => readReplies(client.doc).some((r) => r.text === text), { what: `the marker "${text}" to arrive` });

describe('replies and links on the relay', () => {
  it('a view link can neither reply nor link, even with hand-made updates', async () => {
    const { boardId, viewToken, editToken, facilitator, watcher, said, decided } = await boardWithLinks('View');
    const viewer = await handMade(boardId, viewToken, facilitator.doc);
    viewer.send((doc) => {
      joinBoard(doc, { participantId: 'viewer', role: 'practitioner' });
      addReply(doc, { noteId: said, text: 'Viewer reply', author: 'V', authorRole: 'practitioner', anonymous: false });
    });
    viewer.send((doc) => linkNotes(doc, decided, said));
    // A marker through an edit socket, sent after: once it is everywhere, the viewer's frames were handled.
    const editor = await handMade(boardId, editToken, facilitator.doc);
    editor.send((doc) => addReply(doc, { noteId: said, text: 'marker', author: 'E', authorRole: 'lay', anonymous: false }));
    await marker(facilitator, 'marker');
    await marker(watcher, 'marker');
    for (const client of [facilitator, watcher]) {
      expect(threads(client)).toEqual(['lay:E:marker']);
      expect(linksOf(client, decided)).toEqual([]);
    }
  });

  it('a reply cannot claim a role its socket does not have, nor rewrite or delete someone else’s reply', async () => {
    const { boardId, editToken, facilitator, watcher, said } = await boardWithLinks('Roles');
    const gp = await handMade(boardId, editToken, facilitator.doc);
    gp.send((doc) => joinBoard(doc, { participantId: 'gp-device', role: 'practitioner' }));
    gp.send((doc) =>
      addReply(doc, {
        id: 'gp-reply',
        noteId: said,
        text: 'We will rewrite them',
        author: 'Dr Rao',
        authorRole: 'practitioner',
        anonymous: false,
      }),
    );
    await marker(facilitator, 'We will rewrite them');

    const lay = await handMade(boardId, editToken, facilitator.doc);
    lay.send((doc) => joinBoard(doc, { participantId: 'lay-device', role: 'lay' }));
    // Marks the lay note "answered" under a practitioner's role…
    lay.send((doc) =>
      addReply(doc, {
        noteId: said,
        text: 'Forged practitioner',
        author: 'Dr Fake',
        authorRole: 'practitioner',
        anonymous: true,
      }),
    );
    // …puts words in the GP's mouth, renames and demotes them, then tries to delete the reply.
    lay.send((doc) => {
      const reply = getRepliesMap(doc).get('gp-reply');
      reply?.set('text', 'We will do nothing');
      reply?.set('author', 'Someone else');
      reply?.set('authorRole', 'lay');
    });
    lay.send((doc) => getRepliesMap(doc).delete('gp-reply'));
    lay.send((doc) => addReply(doc, { noteId: said, text: 'marker', author: 'Lee', authorRole: 'lay', anonymous: false }));

    const expected = ['practitioner:Dr Rao:We will rewrite them', 'lay:Lee:marker'];
    for (const client of [facilitator, watcher]) {
      await marker(client, 'marker');
      await waitFor(() => JSON.stringify(threads(client)) === JSON.stringify(expected), { what: 'the forgeries to be undone' });
    }

    // The writer's own socket may take its reply back (the one the server wrote back, once it has it).
    gp.catchUp();
    gp.send((doc) => getRepliesMap(doc).delete('gp-reply'));
    await waitFor(() => threads(watcher).length === 1, { what: 'the GP’s own deletion to stand' });
  });

  it('a practitioner whose page reconnects within the minute can reply as a practitioner at once', async () => {
    const { boardId, editToken, facilitator, watcher, said } = await boardWithLinks('Reconnect');
    const first = await handMade(boardId, editToken, facilitator.doc);
    first.send((doc) => joinBoard(doc, { participantId: 'gp-device', role: 'practitioner' }));
    first.send((doc) =>
      addReply(doc, { noteId: said, text: 'first socket', author: 'Dr Rao', authorRole: 'practitioner', anonymous: false }),
    );
    await marker(watcher, 'first socket');
    first.socket.close();
    // The page's new socket joins again (as useParticipantRegistration does on every sync), seconds later.
    const second = await handMade(boardId, editToken, facilitator.doc);
    second.catchUp();
    second.send((doc) => joinBoard(doc, { participantId: 'gp-device', role: 'practitioner' }));
    second.send((doc) =>
      addReply(doc, { noteId: said, text: 'second socket', author: 'Dr Rao', authorRole: 'practitioner', anonymous: false }),
    );
    second.send((doc) =>
      addReply(doc, { noteId: said, text: 'marker', author: 'Dr Rao', authorRole: 'practitioner', anonymous: false }),
    );
    for (const client of [facilitator, watcher]) {
      await marker(client, 'marker');
      expect(threads(client).sort()).toEqual([
        'practitioner:Dr Rao:first socket',
        'practitioner:Dr Rao:marker',
        'practitioner:Dr Rao:second socket',
      ]);
    }
  });

  it('respects lane locks: no link from, and no reply to, a note in a locked lane', async () => {
    const { boardId, facilitatorToken, editToken, facilitator, watcher, said, decided } = await boardWithLinks('Locks');
    const controls = join(`${boardId}__facilitation`, facilitatorToken);
    const watcherControls = join(`${boardId}__facilitation`, editToken);
    await Promise.all([controls.whenSynced(), watcherControls.whenSynced()]);
    controls.doc.getMap('facilitation').set(LOCKED_LANES_KEY, ['decide']);
    await waitFor(() => JSON.stringify(watcherControls.doc.getMap('facilitation').get(LOCKED_LANES_KEY)) === '["decide"]');

    const participant = await handMade(boardId, editToken, facilitator.doc);
    participant.send((doc) => joinBoard(doc, { participantId: 'p', role: 'lay' }));
    participant.send((doc) => linkNotes(doc, decided, said));
    participant.send((doc) =>
      addReply(doc, { noteId: decided, text: 'On a locked note', author: 'P', authorRole: 'lay', anonymous: false }),
    );
    participant.send((doc) => addReply(doc, { noteId: said, text: 'marker', author: 'P', authorRole: 'lay', anonymous: false }));
    for (const client of [facilitator, watcher]) {
      await marker(client, 'marker');
      expect(threads(client)).toEqual(['lay:P:marker']);
      expect(linksOf(client, decided)).toEqual([]);
    }

    // The facilitator is not held by the lock.
    linkNotes(facilitator.doc, decided, said);
    await waitFor(() => linksOf(watcher, decided).length === 1, { what: 'the facilitator’s link to arrive' });
  });

  it('a link and a reply made while someone deleted their note disappear cleanly for everyone', async () => {
    const { boardId, editToken, facilitator, watcher, said, decided } = await boardWithLinks('Deleted');
    // Written against the board as it was before the deletion, like an offline device.
    const late = await handMade(boardId, editToken, facilitator.doc);
    deleteNote(facilitator.doc, said);
    await waitFor(() => readNotes(watcher.doc).length === 1, { what: 'the deletion to arrive' });
    late.send((doc) => joinBoard(doc, { participantId: 'late', role: 'lay' }));
    late.send((doc) => linkNotes(doc, decided, said));
    late.send((doc) => addReply(doc, { noteId: said, text: 'Late reply', author: 'L', authorRole: 'lay', anonymous: false }));
    late.send((doc) => addReply(doc, { noteId: decided, text: 'marker', author: 'L', authorRole: 'lay', anonymous: false }));
    for (const client of [facilitator, watcher]) {
      await marker(client, 'marker');
      expect(threads(client)).toEqual(['lay:L:marker']);
      expect(linksOf(client, decided)).toEqual([]);
    }
  });

  it('a participant erases their own reply with their device’s secret, never someone else’s; subject access lists named replies', async () => {
    const { boardId, facilitatorToken, editToken, facilitator, watcher, said } = await boardWithLinks('Erase');
    const secret = 'participant-device-secret-01';
    const mine = addReply(watcher.doc, {
      noteId: said,
      text: 'My own words',
      author: 'Pat',
      authorRole: 'lay',
      anonymous: true,
      authorSecret: secret,
    }) as string;
    const theirs = addReply(facilitator.doc, {
      noteId: said,
      text: 'Named reply',
      author: 'Dr Rao',
      authorRole: 'practitioner',
      anonymous: false,
      authorSecret: 'facilitator-device-secret-9',
    }) as string;
    await marker(facilitator, 'My own words');
    await marker(watcher, 'Named reply');
    const erase = (body: object) => callApi(boards.server().httpUrl, `/api/boards/${boardId}/erase`, { token: editToken, body });

    expect((await erase({ replyIds: [theirs], authorSecret: secret })).status).toBe(403);
    expect((await erase({ replyIds: [mine, theirs], authorSecret: secret })).status).toBe(403);
    const answer = await erase({ replyIds: [mine], authorSecret: secret });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { erased: { replies: number } }).erased.replies).toBe(1);
    for (const client of [facilitator, watcher]) {
      await waitFor(() => threads(client).length === 1, { what: 'the erased reply to go' });
      expect(threads(client)).toEqual(['practitioner:Dr Rao:Named reply']);
    }

    const record = (await (
      await callApi(boards.server().httpUrl, `/api/boards/${boardId}/subject-access?author=${encodeURIComponent('Dr Rao')}`, {
        token: facilitatorToken,
      })
    ).json()) as { replies: { text: string }[] };
    expect(record.replies.map((reply) => reply.text)).toEqual(['Named reply']);
  });
});
