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
