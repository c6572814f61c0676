import { addReply, createNote, linkNotes, type Translator, translator } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { connectedPair } from '../../../tests/support/connectedDocs.ts';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import { TraceNarrator } from './TraceNarrator.ts';

const SECRET = 'my-device-secret-0123456789';

function listen(doc: Y.Doc, level: AnnounceLevel = 'less', language: () => Translator = () => translator('en')): string[] {
  const heard: string[] = [];
  new TraceNarrator({
    doc,
    authorSecret: () => SECRET,
    level: () => level,
    ready: () => true,
    say: (m) => heard.push(m),
    translator: language,
  });
  return heard;
}

describe('TraceNarrator', () => {
  it('tells a lay participant that a practitioner replied to their note, and that it is now answered', () => {
    const [mine, theirs] = connectedPair();
    const heard = listen(mine);
    const id = createNote(mine, {
      lane: 'define',
      author: 'Lee',
      authorRole: 'lay',
      text: 'Letters come late',
      authorSecret: SECRET,
    });
    addReply(theirs, { noteId: id, text: 'We will look at it', author: 'Pat', authorRole: 'practitioner', anonymous: false });
    expect(heard).toEqual([
      'A practitioner replied to your note “Letters come late”: We will look at it',
      'Your note “Letters come late” is now Answered: A practitioner has replied to it.',
    ]);
  });

  it('tells them when a decision cites their note, and never reads back their own replies', () => {
    const [mine, theirs] = connectedPair();
    const heard = listen(mine);
    const id = createNote(mine, { lane: 'define', author: 'Lee', authorRole: 'lay', text: 'Letters', authorSecret: SECRET });
    addReply(mine, { noteId: id, text: 'More detail', author: 'Lee', authorRole: 'lay', anonymous: false });
    const decision = createNote(theirs, { lane: 'decide', author: 'Pat', authorRole: 'practitioner', text: 'Text reminders' });
    linkNotes(theirs, decision, id);
    expect(heard).toEqual(['Your note “Letters” is now Decided: A decision has been made about it.']);
  });

  it("says others' replies to others' notes briefly, names only at level more, and nothing at none", () => {
    const [mine, theirs] = connectedPair();
    const more = listen(mine, 'more');
    const none = listen(mine, 'none');
    const id = createNote(theirs, { lane: 'design', author: 'Sam', authorRole: 'lay', text: 'An app' });
    addReply(theirs, { noteId: id, text: 'Yes', author: 'Pat', authorRole: 'practitioner', anonymous: false });
    addReply(theirs, { noteId: id, text: 'Maybe', author: 'Kim', authorRole: 'lay', anonymous: true });
    expect(more).toEqual(['Pat (practitioner) replied to a note “An app”.', 'A lay participant replied to a note “An app”.']);
    expect(none).toEqual([]);
  });

  it('speaks the listener’s language, switching when they switch mid-meeting', () => {
    const [mine, theirs] = connectedPair();
    let locale: 'en' | 'cy' = 'cy';
    const heard = listen(mine, 'more', () => translator(locale));
    const id = createNote(mine, { lane: 'define', author: 'Lee', authorRole: 'lay', text: 'Letters', authorSecret: SECRET });
    addReply(theirs, { noteId: id, text: 'Diolch', author: 'Pat', authorRole: 'practitioner', anonymous: false });
    locale = 'en';
    addReply(theirs, { noteId: id, text: 'Thanks', author: 'Kim', authorRole: 'lay', anonymous: true });
    expect(heard).toEqual([
      'Pat (ymarferydd) wedi ateb eich nodyn “Letters”: Diolch',
      'Mae eich nodyn “Letters” bellach yn y cam “Wedi’i ateb”: Mae ymarferydd wedi ymateb iddo.',
      'A lay participant replied to your note “Letters”: Thanks',
    ]);
  });
});
