import { roleWord } from '@costudio/shared';
import { type ReactNode, useRef } from 'react';
import type { Identity } from '../device/identity.ts';
import { useT } from '../i18n/useT.ts';
import { JoinForm } from '../join/JoinForm.tsx';
import { RoleIcon } from '../presence/RoleIcon.tsx';

/**
 * Shows who you are on this board, and lets you change your name or role in a dialog; what the
 * page adds as `children` (the "Your data" controls) comes below the form, so the header keeps
 * one row.
 */
export function IdentityButton({
  identity,
  onChange,
  children,
}: {
  identity: Identity;
  onChange(identity: Identity): void;
  children?: ReactNode;
}) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => dialogRef.current?.close();
  return (
    <>
      <button type="button" className="identity-button" onClick={() => dialogRef.current?.showModal()}>
        {/* The role is in the icon and, for screen readers, in words; the people panel spells it out. */}
        <RoleIcon role={identity.role} /> {identity.name}
        <span className="visually-hidden">
          {' '}
          {t.t(children ? 'identity.summaryWithData' : 'identity.summary', { role: roleWord(t, identity.role, 'label') })}
        </span>
      </button>
      <dialog ref={dialogRef} aria-labelledby="identity-dialog-heading" className="identity-dialog">
        <h2 id="identity-dialog-heading">{t.t('identity.title')}</h2>
        <JoinForm
          key={`${identity.name}|${identity.role}`}
          initial={identity}
          submitLabel={t.t('identity.save')}
          onSubmit={(next) => {
            onChange(next);
            close();
          }}
          onCancel={close}
        />
        {children}
      </dialog>
    </>
  );
}
