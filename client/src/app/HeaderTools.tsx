import { type KeyboardEvent, useRef, useState } from 'react';
import { SessionBar } from '../features/auth/components/SessionBar';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

/**
 * Who is signed in, sign-out and the language switch. On a phone they fold behind one "Account en taal"
 * button (aria-expanded) and open over the page, so the header stays one short row; on wider screens they
 * show in the header, in a box whose height is reserved before the session is known (no layout shift).
 */
export function HeaderTools() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className={open ? 'header-tools header-tools--open' : 'header-tools'} onKeyDown={closeOnEscape}>
      <button
        ref={toggle}
        type="button"
        className="header-tools__toggle"
        aria-expanded={open}
        aria-controls="header-tools-menu"
        onClick={() => setOpen((v) => !v)}
      >
        {t('header.account')}
      </button>
      <div className="app__header-tools header-tools__menu" id="header-tools-menu">
        <SessionBar />
        <LanguageSwitch />
      </div>
    </div>
  );
}
