import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENGLISH, translator } from '../i18n/translator.ts';
import { eraseContributions } from '../ops/eraseOps.ts';
import { linkNotes } from '../ops/linkOps.ts';
import { createNote } from '../ops/noteOps.ts';
import { addReply } from '../ops/replyOps.ts';
import { readNotes } from '../schema/note.ts';
import { readReplies } from '../schema/reply.ts';
import { buildYouSaidWeDid, youSaidWeDidHtml, youSaidWeDidMarkdown } from './youSaidWeDid.ts';

const DAY_1 = Date.UTC(2026, 10, 3, 18);
const DAY_2 = Date.UTC(2026, 11, 1, 18);

function board() {
  const doc = new Y.Doc();
  const note = (
    lane: Parameters<typeof createNote>[1]['lane'],
    text: string,
    author: string,
    role: 'lay' | 'practitioner',
    createdAt = DAY_1,
    anonymous = false,
  ) => createNote(doc, { lane, text, author, authorRole: role, createdAt, anonymous, y: createdAt / 1e9 });
  const wait = note('define', 'Nobody tells you how long the wait is', 'Ann', 'lay');
  const secret = note('define', 'I was scared to ask', '', 'lay', DAY_1, true);
  const parking = note('design', 'Parking is impossible', 'Cy', 'lay', DAY_2);
  const staff = note('define', 'Staff notes', 'Dr Rao', 'practitioner');
  const decision = note('decide', 'Show waiting times on a screen', 'Dr Rao', 'practitioner');
  const action = note('deliver', 'Screen installed in clinic 4', 'Estates', 'practitioner');
  const measure = note('evaluate', 'Survey: did you know your wait?', 'Dr Rao', 'practitioner');
  linkNotes(doc, decision, wait);
  linkNotes(doc, decision, staff);
  linkNotes(doc, action, decision);
  linkNotes(doc, measure, action);
  addReply(doc, {
    noteId: secret,
    text: 'Thank you for telling us',
    author: 'Dr Rao',
    authorRole: 'practitioner',
    anonymous: false,
    createdAt: DAY_1 + 1,
  });
  addReply(doc, { noteId: secret, text: 'Me too', author: 'Bea', authorRole: 'lay', anonymous: true, createdAt: DAY_1 + 2 });
  return { doc, wait, secret, parking, decision };
}

const reportOf = (doc: Y.Doc, extra: { date?: string; names?: boolean } = {}, t = ENGLISH) =>
  buildYouSaidWeDid({ notes: readNotes(doc), replies: readReplies(doc), boardTitle: 'Clinic <waits>', ...extra }, t);

describe('buildYouSaidWeDid', () => {
  it('lists every lay note with what came of it, or honestly not yet', () => {
    const { doc, wait, secret, parking } = board();
    const report = reportOf(doc);
    expect(report.lanes.map((group) => group.lane.id)).toEqual(['define', 'design']);
    expect(report.total).toBe(3);
    expect(report.reached).toBe(1);
    const items = report.lanes.flatMap((group) => group.items);
    expect(items.map((item) => item.said.id)).toEqual([wait, secret, parking]);
    const [waitItem, secretItem, parkingItem] = items;
    expect(waitItem).toMatchObject({ status: 'measured', notYet: false });
    expect(waitItem?.decisions.map((entry) => entry.text)).toEqual(['Show waiting times on a screen']);
    expect(waitItem?.actions.map((entry) => entry.text)).toEqual(['Screen installed in clinic 4']);
    expect(waitItem?.measures.map((entry) => entry.text)).toEqual(['Survey: did you know your wait?']);
    expect(secretItem).toMatchObject({ status: 'answered', notYet: true });
    expect(parkingItem).toMatchObject({ status: 'said', notYet: true });
  });

  it('shows anonymous notes and replies by role only, and every name by role when names are left out', () => {
    const { doc } = board();
    const secretItem = reportOf(doc).lanes[0]?.items[1];
    expect(secretItem?.said.by).toBe('A lay participant');
    expect(secretItem?.replies.map((reply) => reply.by)).toEqual(['Dr Rao', 'A lay participant']);
    const anonymousReport = reportOf(doc, { names: false });
    const everyone = anonymousReport.lanes.flatMap((group) =>
      group.items.flatMap((item) => [item.said, ...item.replies, ...item.decisions, ...item.actions, ...item.measures]),
    );
    expect(new Set(everyone.map((entry) => entry.by))).toEqual(new Set(['A lay participant', 'A practitioner']));
    expect(youSaidWeDidMarkdown(anonymousReport)).not.toMatch(/Ann|Rao|Cy|Bea/);
  });

  it('covers the lay notes of one meeting date, with what came of them whenever it came', () => {
    const { doc, parking } = board();
    const day2 = reportOf(doc, { date: '2026-12-01' });
    expect(day2.date).toBe('2026-12-01');
    expect(day2.lanes.flatMap((group) => group.items.map((item) => item.said.id))).toEqual([parking]);
    expect(reportOf(doc, { date: '2026-11-03' }).total).toBe(2);
    expect(reportOf(doc, { date: 'yesterday' }).date).toBeNull();
  });

  it('leaves out erased notes and what hung off them', () => {
    const { doc, wait, secret } = board();
    eraseContributions(doc, { noteIds: [wait, secret] });
    const report = reportOf(doc);
    expect(report.total).toBe(1);
    expect(youSaidWeDidMarkdown(report)).not.toContain('wait is');
    expect(youSaidWeDidHtml(report)).not.toContain('Thank you for telling us');
  });
});

describe('youSaidWeDidMarkdown', () => {
  it('reads as a plain summary with not yet said honestly', () => {
    const { doc } = board();
    const markdown = youSaidWeDidMarkdown(reportOf(doc));
    expect(markdown).toContain('# You said, we did: Clinic &lt;waits&gt;');
    expect(markdown).toContain('1 of 3 reached a decision or further.');
    expect(markdown).toContain('## Define');
    expect(markdown).toContain('> Nobody tells you how long the wait is — Ann (Lay participant)');
    expect(markdown).toContain('> I was scared to ask — A lay participant\n');
    expect(markdown).toContain('We decided:\n\n- Show waiting times on a screen — Dr Rao (Practitioner)');
    expect(markdown).toContain(ENGLISH.t('yswd.report.notYet'));
  });

  it('escapes board text so a note cannot add links, headings or HTML', () => {
    const doc = new Y.Doc();
    createNote(doc, {
      lane: 'define',
      text: '# Click [here](https://evil.example) <script>x</script>',
      author: '**Boss**',
      authorRole: 'lay',
    });
    const markdown = youSaidWeDidMarkdown(reportOf(doc));
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('](https://');
    expect(markdown).toContain('\\*\\*Boss\\*\\*');
  });

  it('says so when no lay participant wrote anything', () => {
    expect(youSaidWeDidMarkdown(reportOf(new Y.Doc()))).toContain(ENGLISH.t('yswd.report.nothingSaid'));
  });
});

describe('youSaidWeDidHtml', () => {
  it('is a complete, accessible page with headings per lane and escaped text', () => {
    const doc = new Y.Doc();
    createNote(doc, { lane: 'define', text: '<img src=x onerror="alert(1)"> & more', author: '"Ann"', authorRole: 'lay' });
    const html = youSaidWeDidHtml(reportOf(doc));
    expect(html.startsWith('<!doctype html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain('<title>You said, we did: Clinic &lt;waits&gt;</title>');
    expect(html).toContain('<h2 id="lane-define">Define</h2>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more');
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;Ann&quot; (Lay participant)');
    expect(html).toContain('@media print');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });
});

describe('in Welsh', () => {
  const cy = translator('cy');

  it('writes the Markdown in Welsh, with board text as it was written', () => {
    const { doc } = board();
    const markdown = youSaidWeDidMarkdown(reportOf(doc, {}, cy), cy);
    for (const line of [
      '# Dywedoch chi, fe wnaethon ni: Clinic &lt;waits&gt;',
      'Cyrhaeddodd 1 o 3 benderfyniad neu gam pellach.',
      '## Diffinio',
      '> Nobody tells you how long the wait is — Ann (Cyfranogwr lleyg)',
      '> I was scared to ask — Cyfranogwr lleyg\n',
      'Statws: **Yn cael ei fesur**',
      'Fe wnaethon ni benderfynu:\n\n- Show waiting times on a screen — Dr Rao (Ymarferydd)',
      cy.t('yswd.report.notYet'),
    ]) {
      expect(markdown).toContain(line);
    }
    for (const english of ['You said', 'reached a decision', 'We decided', 'Status', 'Not yet', 'Lay participant']) {
      expect(markdown).not.toContain(english);
    }
  });

  it('declares the page Welsh', () => {
    const html = youSaidWeDidHtml(reportOf(new Y.Doc(), {}, cy), cy);
    expect(html.startsWith('<!doctype html>\n<html lang="cy" dir="ltr">')).toBe(true);
    expect(html).toContain(`<p>${cy.t('yswd.report.nothingSaid')}</p>`);
  });
});
