import { Button } from '@utrecht/component-library-react';
import '../features/registry/registry.css';
import { type KeyboardEvent, useRef, useState } from 'react';
import { paths, type Route } from './router';
import { usePermissions } from '../features/registry/hooks/use-permissions';
import { type RegistryTextKey, useRegistryText } from '../features/registry/registry-text';

type Permissions = ReturnType<typeof usePermissions>;

/** `shown`: only for users who may use the page (the server refuses the others anyway). */
const ITEMS: { key: RegistryTextKey; href: string; active: (route: Route) => boolean; shown?: (permissions: Permissions) => boolean }[] = [
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
];

/** A policy officer reads aggregates only: the map and Bereik, not the registry's forms and lists. */
const POLICY_OFFICER_ITEMS = new Set<RegistryTextKey>(['nav.map', 'nav.reach']);

/**
 * The main navigation in the header: real links, the current page marked with aria-current.
 * On small or low windows the list folds behind a "Menu" button (aria-expanded), so the header stays
 * short and the side panel and the map keep the room; elsewhere the button is hidden and the list shows.
 */
export function MainNav({ route }: { route: Route }) {
  const { rt, t } = useRegistryText();
  const permissions = usePermissions();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
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
        {ITEMS.filter((item) => (!item.shown || item.shown(permissions)) && (!permissions.isPolicyOfficer || POLICY_OFFICER_ITEMS.has(item.key))).map(
          (item) => {
            const current = item.active(route);
            return (
              <li key={item.key}>
                <a className="main-nav__link" href={item.href} aria-current={current ? 'page' : undefined} onClick={() => setOpen(false)}>
                  {rt(item.key)}
                </a>
              </li>
            );
          },
        )}
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
