import type { Role } from '@costudio/shared';
import { ROLE_ICON_PATH } from './roleIcons.ts';

/** Decorative: always rendered next to the role's label, which carries the meaning. */
export function RoleIcon({ role, size = 16 }: { role: Role; size?: number }) {
  return (
    <svg className="role-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ROLE_ICON_PATH[role]} fill="currentColor" />
    </svg>
  );
}
