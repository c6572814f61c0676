/** Balance prompts and perspective call-outs (shared/src/analysis), read in views and reports. */
export const analysis = {
  'balance.prompt':
    'Lay participants {metric, select, notes {wrote} edits {made} other {cast}} {lay} of {total} {metric, select, notes {notes} edits {edits} other {votes}} {area, select, board {on the board} other {in {lane}}} — invite them in?',
  'perspectives.lay-far-higher': 'Lay participants rank this far higher than practitioners',
  'perspectives.lay-higher': 'Lay participants rank this higher than practitioners',
  'perspectives.practitioner-far-higher': 'Practitioners rank this far higher than lay participants',
  'perspectives.practitioner-higher': 'Practitioners rank this higher than lay participants',
  'perspectives.shared-priority': 'Lay participants and practitioners both rank this highly',
  'perspectives.detail': '{lay} of lay participants, {practitioner} of practitioners',
  'perspectives.noVotes': 'No one has voted yet.',
  'perspectives.noVoters.lay': 'No lay participants voted, so there is nothing to compare with.',
  'perspectives.noVoters.practitioner': 'No practitioners voted, so there is nothing to compare with.',
  'perspectives.fewVoters.lay':
    'Only {count, plural, one {# lay participant} other {# lay participants}} voted, so differences are not called out.',
  'perspectives.fewVoters.practitioner':
    'Only {count, plural, one {# practitioner} other {# practitioners}} voted, so differences are not called out.',
  'share.percent': '{share, number, percent}',
  'share.points': '{sign, select, plus {+} minus {−} other {}}{points, plural, one {# point} other {# points}}',
} as const;
