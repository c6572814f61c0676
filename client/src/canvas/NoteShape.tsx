import { NOTE_COLOR_FILL, NOTE_HEIGHT, NOTE_WIDTH, type Note, ROLE_INFO } from '@costudio/shared';
import type Konva from 'konva';
import { memo } from 'react';
import { Group, Path, Rect, Text } from 'react-konva';
import { ROLE_ICON_PATH } from '../presence/roleIcons.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

interface NoteShapeProps {
  note: Note;
  selected: boolean;
  /** True while this person types in the note: the text field overlay shows the text. */
  editing: boolean;
  /** Cursor colour of someone else editing this note, to show it is busy. */
  otherEditorColor: string | null;
  draggable: boolean;
  onOpen(id: string): void;
  onDragStart(id: string): void;
  onDragEnd(id: string, node: Konva.Group): void;
  theme?: CanvasTheme;
}

const PADDING = 10;
const FOOTER_HEIGHT = 30;

/** Who wrote the note, by role label and (unless anonymous) name: the icon never stands alone. */
export function authorLine(note: Note): string {
  const role = ROLE_INFO[note.authorRole];
  return note.anonymous || note.author === '' ? role.anonymousName : `${role.label} · ${note.author}`;
}

/** One sticky note at full detail: fill colour, text, author role icon and label. */
export const NoteShape = memo(function NoteShape({
  note,
  selected,
  editing,
  otherEditorColor,
  draggable,
  onOpen,
  onDragStart,
  onDragEnd,
  theme = CANVAS_THEME,
}: NoteShapeProps) {
  const stroke = selected ? theme.noteSelectedStroke : (otherEditorColor ?? theme.noteStroke);
  return (
    <Group
      x={note.x}
      y={note.y}
      name="note"
      id={`note-${note.id}`}
      draggable={draggable}
      onClick={() => onOpen(note.id)}
      onTap={() => onOpen(note.id)}
      onDragStart={() => onDragStart(note.id)}
      onDragEnd={(event) => onDragEnd(note.id, event.currentTarget as Konva.Group)}
    >
      <Rect
        width={NOTE_WIDTH}
        height={NOTE_HEIGHT}
        fill={NOTE_COLOR_FILL[note.color]}
        stroke={stroke}
        strokeWidth={selected || otherEditorColor ? 3 : 1}
        cornerRadius={4}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          x={PADDING}
          y={PADDING}
          width={NOTE_WIDTH - PADDING * 2}
          height={NOTE_HEIGHT - PADDING - FOOTER_HEIGHT}
          text={note.text}
          fontSize={15}
          lineHeight={1.25}
          fontFamily={theme.fontFamily}
          fill={theme.noteText}
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Path
        x={PADDING}
        y={NOTE_HEIGHT - FOOTER_HEIGHT + 8}
        scaleX={14 / 24}
        scaleY={14 / 24}
        data={ROLE_ICON_PATH[note.authorRole]}
        fill={theme.noteMeta}
        listening={false}
      />
      <Text
        x={PADDING + 20}
        y={NOTE_HEIGHT - FOOTER_HEIGHT + 9}
        width={NOTE_WIDTH - PADDING * 2 - 20}
        text={authorLine(note)}
        fontSize={12}
        fontFamily={theme.fontFamily}
        fill={theme.noteMeta}
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
