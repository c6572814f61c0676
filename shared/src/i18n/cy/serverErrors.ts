// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Hwylusydd, dolen, bwrdd).
// AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { serverErrors as en } from '../en/serverErrors.ts';

export const serverErrors: Record<keyof typeof en, string> = {
  'serverError.unknown': 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni ymhen munud.',
  'serverError.unreachable': 'Doedd dim modd cyrraedd y gweinydd. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
  'serverError.method_not_allowed':
    'Gofynnodd y fersiwn hon o Costudio i’r gweinydd am rywbeth nad yw’n ei wneud. Ail-lwythwch y dudalen.',
  'serverError.not_found': 'Doedd dim modd dod o hyd i hwnnw. Ail-lwythwch y dudalen a rhowch gynnig arall arni.',
  'serverError.board_not_found': 'Does dim bwrdd yn y cyfeiriad hwn. Gwiriwch y ddolen.',
  'serverError.board_deleted': 'Mae’r bwrdd hwn wedi’i ddileu.',
  'serverError.version_not_found': 'Dydy’r fersiwn honno sydd wedi’i chadw ddim yn bodoli mwyach.',
  'serverError.link_not_found': 'Dydy’r ddolen honno ddim yn bodoli mwyach. Ail-lwythwch y rhestr o ddolenni.',
  'serverError.invalid_link': 'Dydy’r ddolen hon ddim yn ddilys. Gofynnwch i’r hwylusydd am un newydd.',
  'serverError.link_expired': 'Mae’r ddolen hon wedi dod i ben. Gofynnwch i’r hwylusydd am un newydd.',
  'serverError.link_revoked': 'Mae’r ddolen hon wedi’i diffodd. Gofynnwch i’r hwylusydd am un newydd.',
  'serverError.wrong_board': 'Dydy’r ddolen hon ddim yn agor y bwrdd hwn. Gofynnwch i’r hwylusydd am un newydd.',
  'serverError.forbidden': 'Dydy eich dolen ddim yn caniatáu hyn. Dim ond hwylusydd sy’n gallu ei wneud.',
  'serverError.not_facilitator': 'Dim ond hwylusydd sy’n gallu gwneud hyn. Gofynnwch i’r hwylusydd am ei ddolen.',
  'serverError.invalid_json':
    'Doedd y gweinydd ddim yn gallu darllen yr hyn a anfonwyd. Ail-lwythwch y dudalen a rhowch gynnig arall arni.',
  'serverError.unsupported_media_type':
    'Doedd y gweinydd ddim yn gallu darllen yr hyn a anfonwyd. Ail-lwythwch y dudalen a rhowch gynnig arall arni.',
  'serverError.body_too_large': 'Mae hynny’n rhy fawr i’w anfon.',
  'serverError.invalid_request':
    'Doedd y gweinydd ddim yn gallu gwneud hynny fel y gofynnwyd. Gwiriwch yr hyn a roesoch chi a rhowch gynnig arall arni.',
  'serverError.invalid_title': 'Rhowch enw i’r bwrdd.',
  'serverError.invalid_name': 'Rhowch enw byrrach i’r fersiwn.',
  'serverError.invalid_link_request': 'Doedd dim modd creu’r ddolen honno. Gwiriwch ei label a pha mor hir y mae’n para.',
  'serverError.invalid_retention': 'Dydy hwnnw ddim yn nifer o ddyddiau y gall y gweinydd gadw’r bwrdd hwn.',
  'serverError.invalid_erasure': 'Doedd dim modd dileu’r nodiadau hynny. Ail-lwythwch y dudalen a rhowch gynnig arall arni.',
  'serverError.invalid_board_file': 'Dydy’r ffeil honno ddim yn ffeil bwrdd Costudio, neu mae wedi’i difrodi.',
  'serverError.confirmation_mismatch': 'Dydy enw’r bwrdd a deipiwyd gennych ddim yn cyfateb. Teipiwch ef yn union i gadarnhau.',
  'serverError.too_many_boards':
    'Cafodd llawer o fyrddau eu creu o’r rhwydwaith hwn yn ddiweddar. Rhowch gynnig arall arni yn nes ymlaen.',
  'serverError.storage_full':
    'Does dim lle ar ôl ar y gweinydd, felly chafodd dim ei gadw. Rhowch gynnig arall arni yn nes ymlaen.',
  'serverError.client_not_built':
    'Dydy Costudio ddim wedi’i osod ar y gweinydd hwn eto. Rhowch wybod i bwy bynnag sy’n ei redeg.',
  'serverError.too_many_boards.wait':
    'Cafodd llawer o fyrddau eu creu o’r rhwydwaith hwn yn yr awr ddiwethaf. Rhowch gynnig arall arni ymhen {minutes, plural, zero {# munud} one {# munud} two {# funud} few {# munud} many {# munud} other {# munud}}, neu defnyddiwch fwrdd sy’n bodoli eisoes.',
  'serverError.joinCode.unknown': 'Does dim cod o’r fath. Gwiriwch y cod ar y sgrin a rhowch gynnig arall arni.',
  'serverError.joinCode.tooMany':
    'Rhoddwyd cynnig ar ormod o godau o’r rhwydwaith hwn. Arhoswch {minutes, plural, zero {# munud} one {# munud} two {# funud} few {# munud} many {# munud} other {# munud}}, yna rhowch gynnig arall arni, neu sganiwch y cod QR.',
  'serverError.joinCode.openInBrowser': 'Agorwch y cyfeiriad hwn mewn porwr.',
  'serverError.internal_error': 'Aeth rhywbeth o’i le ar y gweinydd. Rhowch gynnig arall arni ymhen munud.',
};
