import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import './moreMenu.css';
import { useT } from '../i18n/useT.ts';

/** The class of the "More" button, so a panel opened from the menu can hand focus back to it. */
export const MORE_BUTTON_CLASS = 'more-menu__button';

/**
 * Focuses `element` when it is on screen, else the "More" button it is folded into on a phone:
 * closing a panel opened from the menu must not drop keyboard focus at the top of the page.
 */
export function focusControl(element: HTMLElement | null): void {
  if (element?.checkVisibility()) element.focus();
  else document.querySelector<HTMLElement>(`.${MORE_BUTTON_CLASS}`)?.focus();
}

/**
 * The header's less-used controls. On a wide screen they sit in the header's row and the
 * "More" button is not shown (moreMenu.css); on a phone they fold behind "More", a disclosure
 * button that opens them as a list under the header, so the header is one row (issue 12).
 * Escape, a tap outside or choosing a control closes it and gives focus back to "More"; a
 * control that opens a dialog keeps it open until that dialog closes.
 */
export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const t = useT();

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (listRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      // A dialog opened from the menu is drawn on top of it: taps there are not "outside".
      if (listRef.current?.querySelector('dialog[open]')) return;
      setOpen(false);
    };
    // Escape on "More" itself or in the list; a dialog opened from it takes its own Escape first.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || showsMore(listRef.current)) return;
      const target = event.target as Node;
      if (!listRef.current?.contains(target) && !buttonRef.current?.contains(target)) return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    // Choosing a control closes the menu, after React has drawn what the control opened.
    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      if (!listRef.current?.contains(target) || !target.closest('button, a')) return;
      requestAnimationFrame(() => {
        if (showsMore(listRef.current)) return;
        setOpen(false);
        if (!target.closest('a')) buttonRef.current?.focus();
      });
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={MORE_BUTTON_CLASS}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {t.t('header.more')}
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box in the header's row on a wide screen */}
      <div
        ref={listRef}
        id={listId}
        role="group"
        aria-label={t.t('header.moreControls')}
        className={open ? 'more-menu more-menu--open' : 'more-menu'}
      >
        {children}
      </div>
      {open && <DialogCloseWatcher list={listRef} onClosed={() => close(true)} />}
    </>
  );
}

/**
 * Whether the menu still shows something inside it (a dialog, or a drawer under an expanded
 * button), so it stays open. A panel elsewhere on the page (People) is not inside: the menu
 * closes as it opens.
 */
function showsMore(list: HTMLElement | null): boolean {
  if (!list) return false;
  if (list.querySelector('dialog[open]')) return true;
  return [...list.querySelectorAll('[aria-expanded="true"]')].some((button) => {
    const controlled = document.getElementById(button.getAttribute('aria-controls') ?? '');
    return !controlled || list.contains(controlled);
  });
}

/** Closes the menu when a dialog opened from it closes (a `close` event does not bubble). */
function DialogCloseWatcher({ list, onClosed }: { list: React.RefObject<HTMLDivElement | null>; onClosed(): void }) {
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onClose = (event: Event) => {
      if (event.target instanceof HTMLDialogElement) onClosedRef.current();
    };
    element.addEventListener('close', onClose, true);
    return () => element.removeEventListener('close', onClose, true);
  }, [list]);
  return null;
}
