import type { PlaceDotRefusal } from '@costudio/shared';

/** What a person reads when a dot cannot be placed: what happened and what they can do. */
export function refusalMessage(reason: PlaceDotRefusal, dotsPerPerson: number): string {
  switch (reason) {
    case 'no-dots-left':
      return `You have used all ${dotsPerPerson} of your dots. Take one back to put it somewhere else.`;
    case 'vote-closed':
      return 'The vote has closed, so dots can no longer be placed.';
    case 'vote-not-found':
      return 'This vote is no longer on the board.';
    case 'note-not-found':
      return 'That note has been deleted, so it cannot get a dot.';
    case 'note-outside-vote':
      return 'That note is not in the lane this vote is about.';
  }
}

/** "You have 2 dots left." / "You have used all your dots." */
export function dotsLeftSentence(left: number): string {
  return left === 0 ? 'You have used all your dots.' : `You have ${dots(left)} left.`;
}

/** "1 dot" / "3 dots". */
export function dots(count: number): string {
  return count === 1 ? '1 dot' : `${count} dots`;
}
