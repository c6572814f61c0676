import { ROLES, roleWord } from '@costudio/shared';
import type { Identity } from '../device/identity.ts';
import { useT } from '../i18n/useT.ts';
import type { Peer } from './presenceState.ts';
import { RoleIcon } from './RoleIcon.tsx';

/** Who is here, with how many take part in each role: co-production needs both voices. */
export function ParticipantList({ self, peers }: { self: Identity; peers: Peer[] }) {
  const t = useT();
  const people = [
    { key: 'self', name: t.t('people.you', { name: self.name }), role: self.role },
    ...peers.map((peer) => ({ key: String(peer.clientId), name: peer.name, role: peer.role })),
  ];
  return (
    <section className="participants" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t.t('people.hereNow', { count: people.length })}</h2>
      <p className="participants__counts">
        {ROLES.map((role) => {
          const count = people.filter((person) => person.role === role).length;
          return (
            <span key={role} className="participants__count">
              <RoleIcon role={role} /> {t.t('people.roleCount', { role: roleWord(t, role, 'labelPlural'), count })}
            </span>
          );
        })}
      </p>
      <ul className="participants__list">
        {people.map((person) => (
          <li key={person.key}>
            <RoleIcon role={person.role} /> {person.name}{' '}
            <span className="participants__role">{t.t('people.role', { role: roleWord(t, person.role, 'label') })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
