import { useId, useRef } from 'react';

const BOARD_KEYS: readonly [string, string][] = [
  ['Tab, or the arrow keys on a note', 'go from note to note'],
  ['Enter', 'write in the note you are on; Escape stops writing'],
  ['M', 'move the note to another lane'],
  ['Delete', 'remove the note (Undo brings it back)'],
  ['1 to 6', 'choose a lane: 1 is Define, 6 is Evaluate'],
  ['N', 'add a note to the chosen lane'],
  ['Arrow keys (no note chosen)', 'move around the board; hold Shift for bigger steps'],
  ['+ and −', 'make the board bigger or smaller; 0 shows the whole board'],
  ['Ctrl+Z, Ctrl+Shift+Z', 'undo and redo your own changes (Cmd on a Mac)'],
];

const LIST_KEYS: readonly [string, string][] = [
  ['Tab and Shift+Tab', 'go through the lanes, notes and buttons'],
  ['Each lane’s “Add note” button', 'add a note there, ready to write in'],
  ['“Move to…” on a note', 'move it to another lane'],
  ['Ctrl+Z, Ctrl+Shift+Z', 'undo and redo your own changes'],
];

const CONTROLS: readonly [string, string][] = [
  ['Skip to board', 'the first thing Tab reaches: jumps past the buttons at the top to the board'],
  ['Board / List', 'see the notes as a board of sticky notes, or as a list by lane (easier on a phone or with a screen reader)'],
  ['Lanes (Define … Evaluate)', 'on the board, jump to that lane'],
  ['Add note', 'add a note to the lane named on the button'],
  ['Fit board', 'show the whole board at once'],
  ['Post anonymously', 'add a note without your name on it'],
  ['Votes and results', 'vote with dots when a vote is open, and see how each group ranked the notes'],
  ['People', 'who is here, in which role, and follow someone’s view'],
  ['Facilitate', 'for the person running the meeting: invite people, timer, lock the board, private writing, history'],
  ['Text size and sounds', 'bigger text, high contrast colours, and how much is read out'],
  ['Your name', 'change your name or role'],
  ['More (on a phone)', 'Board / List, People, Text size and sounds, this help and your name, folded into one menu'],
];

function KeyTable({ caption, rows, first }: { caption: string; rows: readonly [string, string][]; first: string }) {
  return (
    <table className="help-sheet__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">What it does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, does]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "?": a sheet of the keys (board and list) and of what each control does, in plain words. */
export function HelpButton() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label="Help: keys and controls"
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
      >
        ?<span className="more-menu__words"> Help</span>
      </button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="help-sheet">
        <div className="side-sheet__top">
          <h2 id={headingId}>Help</h2>
          <button type="button" className="button-primary" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        <KeyTable caption="Buttons at the top and on the board" first="Button" rows={CONTROLS} />
        <KeyTable caption="Keys on the board (after Skip to board, or click the board)" first="Key" rows={BOARD_KEYS} />
        <KeyTable caption="Keys in the list" first="Key" rows={LIST_KEYS} />
        <p>Escape closes this help, and the Facilitate and People panels when you are in them.</p>
      </dialog>
    </>
  );
}
