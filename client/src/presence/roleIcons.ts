import type { Role } from '@costudio/shared';

/**
 * SVG path data (24 × 24 box) of each role's icon, used both on the canvas (Konva.Path) and in
 * the DOM (<svg>), so a role always looks the same. The icon never stands alone: a label goes
 * beside it, so nobody has to decode shapes or colours.
 */
export const ROLE_ICON_PATH: Readonly<Record<Role, string>> = {
  // A person: head and shoulders.
  lay: 'M12 2a5 5 0 1 1 0 10a5 5 0 1 1 0-10zM2 22c0-5 4.5-8 10-8s10 3 10 8z',
  // A medical cross.
  practitioner: 'M8 2h8v6h6v8h-6v6h-8v-6h-6v-8h6z',
};
