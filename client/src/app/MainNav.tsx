import { Button } from '@utrecht/component-library-react';
import '../features/registry/registry.css';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { paths, type Route } from './router';
import { usePermissions } from '../features/registry/hooks/use-permissions';
import { useRegistryText } from '../features/registry/registry-text';
import type { MessageKey } from '../i18n/catalogue';

type Permissions = ReturnType<typeof usePermissions>;

/** `shown`: only for users who may use the page (the server refuses the others anyway). */
const ITEMS: { key: MessageKey; href: string; active: (route: Route) => boolean; shown?: (permissions: Permissions) => boolean }[] = [
  { key: 'nav.map', href: paths.home(), active: (r) => r.name === 'home' || r.name === 'neighbourhood' },
  { key: 'nav.registerOrganisation', href: paths.registerOrganisation(), active: (r) => r.name === 'registerOrganisation' },
  { key: 'nav.registerPerson', href: paths.registerPerson(), active: (r) => r.name === 'registerPerson' },
  { key: 'nav.registerContact', href: paths.registerContact(), active: (r) => r.name === 'registerContact' },
  { key: 'nav.registerAgreement', href: paths.registerAgreement(), active: (r) => r.name === 'registerAgreement' },
  { key: 'nav.registerActivity', href: paths.registerActivity(), active: (r) => r.name === 'registerActivity', shown: (p) => p.canEditActivities },
  { key: 'nav.registerTeam', href: paths.registerTeam(), active: (r) => r.name === 'registerTeam', shown: (p) => p.canManageTeams },
  { key: 'nav.review', href: paths.review(), active: (r) => r.name === 'review' },
  { key: 'nav.import', href: paths.importData(), active: (r) => r.name === 'import' },
  { key: 'nav.reach', href: paths.reach(), active: (r) => r.name === 'reach' || r.name === 'reachCell', shown: (p) => p.isSignedIn },
  { key: 'nav.quickScan', href: paths.quickScan(), active: (r) => r.name === 'quickScan', shown: (p) => p.isSignedIn },
  { key: 'referral.nav', href: paths.referrals(), active: (r) => r.name === 'referrals', shown: (p) => p.isSignedIn },
];

/**
 * The registration forms sit under one "Registreren" button: ten links in a row wrapped the header onto a second row
 * once someone signed in, which moved the whole page (CLS 0.29). Folded (phone), the menu lists them inline.
 */
const REGISTER_ITEMS = new Set<MessageKey>([
  'nav.registerOrganisation',
  'nav.registerPerson',
  'nav.registerContact',
  'nav.registerAgreement',
  'nav.registerActivity',
  'nav.registerTeam',
]);

/** A policy officer reads aggregates only: the map and Bereik, not the registry's forms and lists. */
const POLICY_OFFICER_ITEMS = new Set<MessageKey>(['nav.map', 'nav.reach']);

/**
 * The main navigation in the header: real links, the current page marked with aria-current.
 * On small or low windows the list folds behind a "Menu" button (aria-expanded), so the header stays
 * short and the side panel and the map keep the room; elsewhere the button is hidden and the list shows.
 */
export function MainNav({ route }: { route: Route }) {
  const { rt, t } = useRegistryText();
  const permissions = usePermissions();
  const [open, setOpen] = useState(false);
  const [registerOpen, setRegisterOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const registerToggle = useRef<HTMLButtonElement>(null);
  const registerGroup = useRef<HTMLLIElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (registerOpen) {
      setRegisterOpen(false);
      registerToggle.current?.focus();
    } else if (open) {
      setOpen(false);
      toggle.current?.focus();
    }
  };
  // A click or focus elsewhere closes the registration list, as a menu does.
  useEffect(() => {
    if (!registerOpen) return;
    const closeOutside = (event: Event) => {
      if (!registerGroup.current?.contains(event.target as Node)) setRegisterOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [registerOpen]);
  const visible = ITEMS.filter((item) => (!item.shown || item.shown(permissions)) && (!permissions.isPolicyOfficer || POLICY_OFFICER_ITEMS.has(item.key)));
  const registerItems = visible.filter((item) => REGISTER_ITEMS.has(item.key));
  const link = (item: (typeof ITEMS)[number]) => (
    <li key={item.key}>
      <a
        className="main-nav__link"
        href={item.href}
        aria-current={item.active(route) ? 'page' : undefined}
        onClick={() => {
          setOpen(false);
          setRegisterOpen(false);
        }}
      >
        {t(item.key)}
      </a>
    </li>
  );
  return (
    <nav className={open ? 'main-nav main-nav--open' : 'main-nav'} aria-label={rt('nav.label')} onKeyDown={closeOnEscape}>
      <Button
        type="button"
        ref={toggle}
        appearance="secondary-action-button"
        className="main-nav__toggle"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        {rt('nav.menu')}
      </Button>
      <ul className="main-nav__list" id="main-nav-list">
        {visible.filter((item) => item.key === 'nav.map').map(link)}
        {registerItems.length ? (
          <li ref={registerGroup} className={registerOpen ? 'main-nav__group main-nav__group--open' : 'main-nav__group'}>
            <button
              ref={registerToggle}
              type="button"
              className={
                registerItems.some((item) => item.active(route))
                  ? 'main-nav__link main-nav__group-toggle main-nav__link--current'
                  : 'main-nav__link main-nav__group-toggle'
              }
              aria-expanded={registerOpen}
              aria-controls="main-nav-register"
              onClick={() => setRegisterOpen((value) => !value)}
            >
              {rt('nav.registerGroup')}
              <span className="main-nav__group-arrow" aria-hidden="true">
                {registerOpen ? ' ▴' : ' ▾'}
              </span>
            </button>
            <ul className="main-nav__sublist" id="main-nav-register">
              {registerItems.map(link)}
            </ul>
          </li>
        ) : null}
        {visible.filter((item) => item.key !== 'nav.map' && !REGISTER_ITEMS.has(item.key)).map(link)}
        {permissions.isAdministrator ? (
          <li>
            <a
              className="main-nav__link"
              href={paths.adminUsers()}
              aria-current={route.name.startsWith('admin') ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {t('admin.nav')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
