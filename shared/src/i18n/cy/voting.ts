// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { voting as en } from '../en/voting.ts';

export const voting: Record<keyof typeof en, string> = {
  'anon.open': 'Postio’n ddienw…',
  'anon.title': 'Postio nodyn yn ddienw',
  'anon.helpBefore': 'Bydd eraill yn gweld',
  'anon.helpAfter':
    ', nid eich enw. Dydy eich enw ddim yn cael ei gadw gyda’r nodyn yn unman ar y bwrdd. Ar ôl ei bostio, allwch chi ddim ei olygu o’r dudalen hon, oherwydd byddai golygu’n dangos mai chi a’i hysgrifennodd i unrhyw un sy’n archwilio data’r bwrdd.',
  'anon.lane': 'Colofn',
  'anon.text': 'Eich nodyn',
  'anon.submit': 'Postio’n ddienw',
  'anon.cancel': 'Canslo',
  'anon.empty': 'Ysgrifennwch eich nodyn yn gyntaf.',
  'anon.private':
    'Mae ysgrifennu preifat ymlaen, felly does dim yn cael ei bostio ar y bwrdd nes bod yr hwylusydd yn datgelu nodiadau pawb. Gallwch bostio hwn pan fydd ysgrifennu preifat yn dod i ben; bydd yn aros yma tan hynny.',
  'anon.cannotChange': 'Does dim modd newid y bwrdd hwn yma.',
  'anon.posted': 'Cafodd eich nodyn ei bostio yn y golofn {lane}, i’w weld fel “{name}”.',
};
