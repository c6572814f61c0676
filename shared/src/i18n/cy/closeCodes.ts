// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { closeCodes as en } from '../en/closeCodes.ts';

export const closeCodes: Record<keyof typeof en, string> = {
  'close.goingAway': 'Mae’r gweinydd yn ailgychwyn. Wrthi’n ailgysylltu…',
  'close.accessChanged': 'Mae’r hwylusydd wedi newid y bwrdd, felly rydyn ni’n ailymuno ag ef.',
  'close.malformed': 'Anfonodd eich dyfais rywbeth nad oedd y gweinydd yn gallu ei ddarllen. Ail-lwythwch y dudalen i barhau.',
  'close.unauthorized': 'Dydy’r ddolen hon ddim yn ddilys. Gofynnwch i’r hwylusydd am un newydd.',
  'close.forbidden': 'Dydy’r ddolen hon ddim yn agor y bwrdd hwn. Gofynnwch i’r hwylusydd am un newydd.',
  'close.invalidBoardId': 'Does dim bwrdd yn y cyfeiriad hwn. Gwiriwch y ddolen.',
  'close.linkExpired': 'Mae’r ddolen hon wedi dod i ben. Gofynnwch i’r hwylusydd am un newydd.',
  'close.linkRevoked': 'Mae’r ddolen hon wedi’i diffodd. Gofynnwch i’r hwylusydd am un newydd.',
  'close.boardDeleted':
    'Mae’r bwrdd hwn wedi’i ddileu, gyda phopeth a ysgrifennwyd arno. Does dim o’r hyn a ysgrifennoch chi yma’n cael ei gadw, ar y gweinydd nac ar y ddyfais hon, a does dim modd ei gael yn ôl.',
  'close.tooLarge': 'Roedd y newid hwnnw’n rhy fawr i’w anfon. Rhowch gynnig ar nodyn byrrach.',
  'close.rateLimited': 'Gormod o newidiadau ar unwaith. Arhoswch funud; wrthi’n ailgysylltu…',
  'close.loadFailed': 'Doedd dim modd agor y bwrdd ar hyn o bryd. Does dim wedi’i golli; rhowch gynnig arall arni ymhen munud.',
  'close.storageFailed': 'Doedd y gweinydd ddim yn gallu cadw eich newid diwethaf. Rhowch gynnig arall arni ymhen munud.',
};
