/** Who is here and who you are: presence, identity, lane locks. */
export const people = {
  'people.you': '{name} (you)',
  'people.hereNow': 'Here now: {count, plural, one {# person} other {# people}}',
  'people.roleCount': '{role}: {count, number}',
  'people.role': '– {role}',
  'identity.summary': '– {role}. Change your name or role',
  'identity.summaryWithData': '– {role}. Change your name or role, or see your data',
  'identity.title': 'Change your name or role',
  'identity.save': 'Save',
  'lock.unlockBoard': 'Unlock board',
  'lock.lockBoard': 'Lock board',
  'lock.lanes': 'Lock lanes',
  'lock.notice':
    'The facilitator has locked {lanes}: notes there cannot be moved or changed, and notes cannot be moved into {count, plural, one {it} other {them}}.',
} as const;
