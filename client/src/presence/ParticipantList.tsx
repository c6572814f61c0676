import { ROLE_INFO, ROLES } from '@costudio/shared';
import type { Identity } from '../device/identity.ts';
import type { Peer } from './presenceState.ts';
import { RoleIcon } from './RoleIcon.tsx';

/** Who is here, with how many take part in each role: co-production needs both voices. */
export function ParticipantList({ self, peers }: { self: Identity; peers: Peer[] }) {
  const people = [
    { key: 'self', name: `${self.name} (you)`, role: self.role },
    ...peers.map((peer) => ({ key: String(peer.clientId), name: peer.name, role: peer.role })),
  ];
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading">
        Here now: {people.length} {people.length === 1 ? 'person' : 'people'}
      </h2>
      <p className="participants__counts">
        {ROLES.map((role) => {
          const count = people.filter((person) => person.role === role).length;
          return (
            <span key={role} className="participants__count">
              <RoleIcon role={role} /> {ROLE_INFO[role].label}s: {count}
            </span>
          );
        })}
      </p>
      <ul className="participants__list">
        {people.map((person) => (
          <li key={person.key}>
            <RoleIcon role={person.role} /> {person.name}{' '}
            <span className="participants__role">– {ROLE_INFO[person.role].label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
