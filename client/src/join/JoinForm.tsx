import { MAX_AUTHOR_LENGTH, ROLE_INFO, ROLES, type Role } from '@costudio/shared';
import { type FormEvent, useId, useState } from 'react';
import type { Identity } from '../device/identity.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';

interface JoinFormProps {
  initial: Identity | null;
  submitLabel: string;
  onSubmit(identity: Identity): void;
  onCancel?: () => void;
}

/** Plain words: your name, and how you take part. Nothing else is asked. */
export function JoinForm({ initial, submitLabel, onSubmit, onCancel }: JoinFormProps) {
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<Role | null>(initial?.role ?? null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError('Please write the name others will see.');
    if (!role) return setError('Please choose how you are taking part.');
    setError(null);
    onSubmit({ name: name.trim().slice(0, MAX_AUTHOR_LENGTH), role });
  };

  return (
    <form className="join-form" onSubmit={submit} noValidate>
      <label htmlFor={nameId}>Your name (others will see it)</label>
      <input
        id={nameId}
        type="text"
        value={name}
        maxLength={MAX_AUTHOR_LENGTH}
        autoComplete="nickname"
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset>
        <legend>How are you taking part?</legend>
        {ROLES.map((option) => (
          <label key={option} className="join-form__role">
            <input type="radio" name="role" value={option} checked={role === option} onChange={() => setRole(option)} />
            <RoleIcon role={option} size={20} />
            <span>{ROLE_INFO[option].description}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="join-form__actions">
        <button type="submit" className="button-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
