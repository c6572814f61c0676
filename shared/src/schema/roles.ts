/**
 * How a person takes part. Co-production is about the meeting of these two perspectives, so
 * every note and vote records the role, and the UI always shows it by icon and label together.
 */
export const ROLES = ['lay', 'practitioner'] as const;

export type Role = (typeof ROLES)[number];

export interface RoleInfo {
  readonly id: Role;
  /** Label shown beside a note or a person, e.g. "Lay participant". */
  readonly label: string;
  /** How a person describes themselves when they choose the role. */
  readonly description: string;
  /** The name used for an anonymous note, which keeps the role but never the person. */
  readonly anonymousName: string;
}

export const ROLE_INFO: Readonly<Record<Role, RoleInfo>> = {
  lay: {
    id: 'lay',
    label: 'Lay participant',
    description: 'As a patient, carer or member of the public',
    anonymousName: 'A lay participant',
  },
  practitioner: {
    id: 'practitioner',
    label: 'Practitioner',
    description: 'As a practitioner (for example a clinician or manager)',
    anonymousName: 'A practitioner',
  },
};

export function isRole(value: unknown): value is Role {
  return value === 'lay' || value === 'practitioner';
}
