import type { Role, Translator } from '@costudio/shared';

/** "1 lay participant", "4 lay participants", "0 practitioners", in the translator's language. */
export function peopleCount(role: Role, count: number, t: Translator): string {
  return t.t(role === 'lay' ? 'projector.count.lay' : 'projector.count.practitioner', { count });
}
