import { MAX_AUTHOR_LENGTH, ROLES, type Role, roleWord } from '@costudio/shared';
import { type FormEvent, useId, useState } from 'react';
import type { Identity } from '../device/identity.ts';
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';

interface JoinFormProps {
  initial: Identity | null;
  submitLabel: string;
  onSubmit(identity: Identity): void;
  onCancel?: () => void;
}

/** Plain words: your name, and how you take part. Nothing else is asked. */
export function JoinForm({ initial, submitLabel, onSubmit, onCancel }: JoinFormProps) {
  const t = useT();
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<Role | null>(initial?.role ?? null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError(t.t('join.nameMissing'));
    if (!role) return setError(t.t('join.roleMissing'));
    setError(null);
    onSubmit({ name: name.trim().slice(0, MAX_AUTHOR_LENGTH), role });
  };

  return (
    <form className="join-form" onSubmit={submit} noValidate>
      <label htmlFor={nameId}>{t.t('join.name')}</label>
      <input
        id={nameId}
        type="text"
        value={name}
        maxLength={MAX_AUTHOR_LENGTH}
        autoComplete="nickname"
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset>
        <legend>{t.t('join.role')}</legend>
        {ROLES.map((option) => (
          <label key={option} className="join-form__role">
            <input type="radio" name="role" value={option} checked={role === option} onChange={() => setRole(option)} />
            <RoleIcon role={option} size={20} />
            <span>{roleWord(t, option, 'description')}</span>
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
            {t.t('join.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
