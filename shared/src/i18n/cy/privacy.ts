import type { privacy as en } from '../en/privacy.ts';

export const privacy: Record<keyof typeof en, string> = {
  'privacy.title': 'Beth sy’n digwydd i’r hyn rydych chi’n ei ysgrifennu',
  'privacy.readers':
    'Gall pawb sydd â dolen i’r bwrdd hwn ddarllen eich nodiadau. Mae eich enw i’w weld arnyn nhw oni bai eich bod yn postio’n ddienw.',
  'privacy.kept':
    'Mae eich nodiadau’n cael eu cadw ar y gweinydd nes bod y bwrdd yn cael ei ddileu, gan gynnwys mewn fersiynau o’r bwrdd sydd wedi’u cadw.',
  'privacy.erase':
    'Gallwch ddileu’r nodiadau rydych chi’n eu hysgrifennu yma, o’r bwrdd a’i fersiynau sydd wedi’u cadw, o dan “Eich data”. Gall hwylusydd ddileu unrhyw beth a ysgrifennoch chi, neu ddileu’r bwrdd cyfan.',
  'privacy.device':
    'Mae’r ddyfais hon yn cadw copi o’r bwrdd er mwyn iddo weithio all-lein. Gall “Eich data” ei anghofio, er enghraifft ar gyfrifiadur a rennir.',
  'yourData.open': 'Eich data',
  'retention.title': 'Am faint mae’r bwrdd hwn yn cael ei gadw',
  'retention.forever': 'Yn cael ei gadw nes bod rhywun yn ei ddileu.',
  'retention.until': 'Os na fydd neb yn ei agor, bydd yn cael ei ddileu ar {date}.',
  'retention.keep': 'Cadw’r bwrdd hwn',
  'retention.usual': 'Defnyddio’r amser arferol',
  'retention.days': 'Dileu ar ôl hyn o ddiwrnodau heb ei ddefnyddio',
  'retention.set': 'Gosod',
  'retention.saved': 'Wedi’i gadw.',
  'retention.failed': 'Doedd dim modd newid hyn.',
  'erase.title': 'Dileu’r hyn a ysgrifennodd un person',
  'erase.postedAs': 'Nodiadau a bostiwyd fel',
  'erase.choose': 'Dewiswch enw',
  'erase.go': 'Dileu eu nodiadau',
  'erase.confirm':
    'Dileu pob nodyn a bostiwyd fel “{author}”, o’r bwrdd ac o bob fersiwn sydd wedi’i chadw? Does dim modd dadwneud hyn.',
  'erase.done':
    'Dilëwyd {count, plural, zero {# nodyn} one {# nodyn} two {# nodyn} few {# nodyn} many {# nodyn} other {# nodyn}} gan {author} o’r bwrdd a’i fersiynau sydd wedi’u cadw.',
  'erase.failed': 'Doedd dim modd dileu dim. Rhowch gynnig arall arni.',
  'delete.title': 'Dileu’r bwrdd hwn',
  'delete.explain':
    'Mae hyn yn dileu’r bwrdd i bawb, gyda phob nodyn, pob fersiwn sydd wedi’i chadw, pob dolen a’r nodiadau preifat. Does dim modd ei ddadwneud. Allforiwch gopi yn gyntaf os oes angen un arnoch.',
  'delete.confirmLabel': 'Teipiwch deitl y bwrdd, “{title}”, i gadarnhau',
  'delete.go': 'Dileu’r bwrdd hwn am byth',
  'delete.done': 'Mae’r bwrdd wedi’i ddileu.',
  'delete.failed': 'Doedd dim modd dileu’r bwrdd. Rhowch gynnig arall arni.',
  'delete.unreachable': 'Doedd dim modd cyrraedd y gweinydd. Does dim wedi’i ddileu.',
  'yourData.summary':
    'Mae’r hyn rydych chi’n ei ysgrifennu yma’n cael ei gadw ar y gweinydd nes bod y bwrdd yn cael ei ddileu, a gall pawb sydd â dolen i’r bwrdd hwn ei weld. Mae postio’n ddienw yn gadael eich enw oddi ar nodyn.',
  'yourData.erase': 'Dileu fy nodiadau',
  'yourData.forget': 'Anghofio’r bwrdd hwn ar y ddyfais hon',
  'yourData.close': 'Cau',
  'yourData.noNotes': 'Does dim nodiadau ar y bwrdd hwn wedi’u hysgrifennu ar y ddyfais hon.',
  'yourData.confirmErase':
    'Dileu {count, plural, zero {eich # nodyn} one {eich nodyn} two {eich # nodyn} few {eich # nodyn} many {eich # nodyn} other {eich # nodyn}} o’r bwrdd hwn ac o bob fersiwn sydd wedi’i chadw? Does dim modd dadwneud hyn.',
  'yourData.erasing': 'Wrthi’n dileu…',
  'yourData.erased': 'Mae eich nodiadau wedi’u dileu o’r bwrdd a’i fersiynau sydd wedi’u cadw.',
  'yourData.eraseFailed': 'Doedd dim modd dileu eich nodiadau. Rhowch gynnig arall arni.',
  'yourData.unreachable': 'Doedd dim modd cyrraedd y gweinydd. Does dim wedi’i ddileu.',
  'yourData.confirmForget': 'Anghofio’r bwrdd hwn ar y ddyfais hon? Bydd angen y ddolen arnoch i’w agor eto.',
};
