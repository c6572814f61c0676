/**
 * How a person takes part. Co-production is about the meeting of these two perspectives, so
 * every note and vote records the role, and the UI always shows it by icon and label together.
 * The words (label, description, anonymous name) are in the catalogs: `roleWord` in shared/src/i18n.
 */
export const ROLES = ['lay', 'practitioner'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return value === 'lay' || value === 'practitioner';
}
