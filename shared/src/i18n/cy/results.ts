// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { results as en } from '../en/results.ts';

export const results: Record<keyof typeof en, string> = {
  'votes.title': 'Pleidleisiau a chanlyniadau',
  'votes.hide': 'Cuddio',
  'votes.hideWhat': ' y panel pleidleisiau a chanlyniadau',
  'votes.openTitle': 'Agor pleidlais dotiau',
  'votes.waiting': 'Does dim pleidlais ar agor. Bydd yr hwylusydd yn agor un pan fydd hi’n amser pleidleisio.',
  'votes.opened': 'Mae’r hwylusydd wedi agor pleidlais.',
  'votes.openedGo': 'Mae’r hwylusydd wedi agor pleidlais. Ewch i’r bleidlais i osod eich dotiau.',
  'votes.goTo': 'Mynd i’r bleidlais',
  'votes.see': 'Gweld y bleidlais',
  'balance.title': 'Pwy sydd wedi cymryd rhan',
  'balance.captionEmpty': 'Cyfraniadau fesul rôl. Does neb wedi ymuno eto.',
  'balance.caption':
    'Cyfraniadau fesul rôl, o’u cymharu â’r bobl yn yr ystafell: mae {lay} o {total} o gyfranogwyr yn lleyg ({layShare}), ac mae {practitioners} {practitioners, plural, zero {yn ymarferwyr} one {yn ymarferydd} two {yn ymarferwyr} few {yn ymarferwyr} many {yn ymarferwyr} other {yn ymarferwyr}} ({practitionerShare}).',
  'balance.where': 'Ble',
  'balance.metric.notes': 'Nodiadau a ysgrifennwyd',
  'balance.metric.edits': 'Golygiadau a wnaed',
  'balance.metric.votes': 'Dotiau a gyfrifwyd',
  'balance.none': 'dim',
  'balance.shares': '{lay} lleyg, {practitioner} ymarferydd ({share} lleyg)',
  'balance.dismiss': 'Cau',
  'balance.dismissWhat': 'Cau: {message}',
  'perspectives.heading': 'Sut roedd pob grŵp yn graddio: pleidlais {number}',
  'perspectives.headingTitled': 'Sut roedd pob grŵp yn graddio: pleidlais {number} – {title}',
  'perspectives.hidden':
    'Mae’r hwylusydd wedi cuddio’r cyfansymiau, felly bydd sut roedd pob grŵp yn graddio’r nodiadau i’w weld pan fydd y bleidlais yn cau.',
  'perspectives.caption':
    '{status, select, open {Hyd yma ym mhleidlais} other {Canlyniad pleidlais}} {number} ({scope}): pleidleisiodd {lay, plural, zero {# cyfranogwr lleyg} one {# cyfranogwr lleyg} two {# gyfranogwr lleyg} few {# chyfranogwr lleyg} many {# chyfranogwr lleyg} other {# cyfranogwr lleyg}} a {practitioners, plural, zero {# ymarferydd} one {# ymarferydd} two {# ymarferydd} few {# ymarferydd} many {# ymarferydd} other {# ymarferydd}}. Ym mhob cell: cyfran pleidleiswyr y grŵp a roddodd o leiaf un dot i’r nodyn. Y gwahaniaeth mwyaf yn gyntaf.',
  'perspectives.standsOut': 'Beth sy’n sefyll allan',
  'perspectives.col.note': 'Nodyn',
  'perspectives.col.lay': 'Cyfranogwyr lleyg',
  'perspectives.col.practitioner': 'Ymarferwyr',
  'perspectives.col.difference': 'Gwahaniaeth',
  'perspectives.share': '{share} ({voters} o {total})',
  'perspectives.chartTitle': 'Cyfran y cyfranogwyr lleyg ac o’r ymarferwyr a bleidleisiodd dros bob nodyn',
  'perspectives.chartDesc': 'Bariau solet yw cyfranogwyr lleyg, bariau â llinellau yw ymarferwyr. {summary}.',
  'perspectives.chartRow': '{note}: cyfranogwyr lleyg {lay}, ymarferwyr {practitioner}',
  'perspectives.bar.lay': 'Lleyg',
  'perspectives.bar.practitioner': 'Ymarferydd',
};
