// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { board as en } from '../en/board.ts';

export const board: Record<keyof typeof en, string> = {
  'sync.connecting': 'Wrthi’n cysylltu…',
  'sync.saved': 'Pob newid wedi’i gadw',
  'sync.saving': 'Wrthi’n cadw…',
  'sync.offline': 'All-lein',
  'sync.link.switched-off': 'Dolen wedi’i diffodd',
  'sync.link.expired': 'Dolen wedi dod i ben',
  'sync.link.not-valid': 'Dolen ddim yn ddilys',
  'sync.offlineSaved': 'Wrthi’n ceisio ailgysylltu. Gallwch barhau i edrych ar y bwrdd.',
  'sync.offlineUnsaved':
    'Wrthi’n ceisio ailgysylltu. Cadwch y dudalen hon ar agor er mwyn i’ch newidiadau diweddaraf gael eu cadw.',
  'note.author': '{name} ({role})',
  'note.fieldName': 'Nodyn gan {author}',
  'note.empty': '(nodyn gwag)',
  'note.mark.new': 'Newydd',
  'note.mark.changed': 'Wedi newid',
  'dot.noneToTakeBack': 'Doedd dim dot gennych chi ar y nodyn hwnnw i’w dynnu’n ôl.',
  'create.unreachable': 'Doedd dim modd cyrraedd Costudio. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'create.tooMany': 'Mae gormod o fyrddau wedi’u creu o’r rhwydwaith hwn. Rhowch gynnig arall arni’n nes ymlaen.',
  'create.failed': 'Doedd dim modd creu’r bwrdd ar hyn o bryd. Rhowch gynnig arall arni ymhen munud.',
  'links.failed': 'Doedd dim modd llwytho’r dolenni ar hyn o bryd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'private.loadFailed': 'Doedd dim modd llwytho’r nodiadau preifat ar hyn o bryd. Rhowch gynnig arall arni ymhen munud.',
  'projector.needFacilitator': 'Agorwch olwg y taflunydd o ddyfais yr hwylusydd i ddangos cod ymuno.',
  'projector.noCode': 'Dim cod ymuno ar hyn o bryd.',
  'deleted.title': 'Mae’r bwrdd hwn wedi’i ddileu',
  'deleted.offline':
    'Doedd dim modd cadw unrhyw beth a ysgrifennwyd yma tra oedd y ddyfais hon all-lein, gan nad yw’r bwrdd yn bodoli mwyach.',
  'deleted.home': 'Ewch i’r dudalen gychwyn',
};
