// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { canvas as en } from '../en/canvas.ts';

export const canvas: Record<keyof typeof en, string> = {
  'canvas.authorLine': '{role} · {name}',
  'canvas.cursor': '{name} · {role}',
  'canvas.laneNotice': 'Colofn {lane}: {prompt} Mae N yn ychwanegu nodyn yma.',
  'canvas.describeNote': '{lane}, nodyn {position, number} o {count, number}, gan {author}: {text}',
  'canvas.emptyText': 'gwag',
  'canvas.label':
    'Cynfas y bwrdd. {count, plural, zero {# nodyn} one {# nodyn} two {# nodyn} few {# nodyn} many {# nodyn} other {# nodyn}}. Colofn dan sylw: {lane}.',
  'canvas.roleDescription': 'cynfas y bwrdd',
  'canvas.noteBy': 'Nodyn gan {by} yn y golofn {lane}',
  'canvas.noteByNamed': '{name} ({role})',
  'canvas.noteActions': 'Camau ar y nodyn',
  'canvas.noteColour': 'Lliw’r nodyn',
  'canvas.dots.total': 'Dotiau: {total}',
  'canvas.dots.mine': 'Eich rhai chi: {mine}',
  'canvas.dots.both': 'Eich rhai chi: {mine} · Y cyfan: {total}',
  'canvas.dot.place': '+ dot',
  'canvas.dot.takeBack': '− dot',
  'canvas.anonymous': 'Dienw',
};
