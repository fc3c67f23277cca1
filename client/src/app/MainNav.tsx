import '../features/registry/registry.css';
import { paths, type Route } from './router';
import { type RegistryTextKey, useRegistryText } from '../features/registry/registry-text';

const ITEMS: { key: RegistryTextKey; href: string; active: (route: Route) => boolean }[] = [
  { key: 'nav.map', href: paths.home(), active: (r) => r.name === 'home' || r.name === 'neighbourhood' },
  { key: 'nav.registerOrganisation', href: paths.registerOrganisation(), active: (r) => r.name === 'registerOrganisation' },
  { key: 'nav.registerPerson', href: paths.registerPerson(), active: (r) => r.name === 'registerPerson' },
  { key: 'nav.registerContact', href: paths.registerContact(), active: (r) => r.name === 'registerContact' },
  { key: 'nav.registerAgreement', href: paths.registerAgreement(), active: (r) => r.name === 'registerAgreement' },
  { key: 'nav.review', href: paths.review(), active: (r) => r.name === 'review' },
  { key: 'nav.import', href: paths.importData(), active: (r) => r.name === 'import' },
];

/** The main navigation in the header: real links, the current page marked with aria-current. */
export function MainNav({ route }: { route: Route }) {
  const { rt } = useRegistryText();
  return (
    <nav className="main-nav" aria-label={rt('nav.label')}>
      <ul className="main-nav__list">
        {ITEMS.map((item) => {
          const current = item.active(route);
          return (
            <li key={item.key}>
              <a className="main-nav__link" href={item.href} aria-current={current ? 'page' : undefined}>
                {rt(item.key)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
