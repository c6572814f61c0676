import { ROLE_INFO, type Role } from '@costudio/shared';

/** "1 lay participant", "4 lay participants", "0 practitioners". */
export function peopleCount(role: Role, count: number): string {
  return `${count} ${ROLE_INFO[role].label.toLowerCase()}${count === 1 ? '' : 's'}`;
}
