import { Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense } from 'react';
import { AppSubtitle } from '../features/app-settings/components/AppSubtitle';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useSession } from '../features/auth/hooks/use-session';
import { StatusMessage } from '../features/registry/forms/status-message';
import { useRegistryText } from '../features/registry/registry-text';
import { useI18n } from '../i18n/i18n';
import { HeaderTools } from './HeaderTools';
import { MainNav } from './MainNav';
import { PageErrorBoundary } from './PageErrorBoundary';
import { SkipLink } from './SkipLink';
import type { Route } from './router';
import { routeTitle, useDocumentTitle } from './page-title';
import { useNeighbourhoods } from '../features/neighbourhood/hooks/use-neighbourhoods';

// The registry pages are their own chunk: the map page does not pay for them on first load.
const RegistryRoutes = lazy(() => import('../features/registry/RegistryRoutes'));

/** Every page but the map: the same header, then the page full width. */
export function PageShell({ route }: { route: Exclude<Route, { name: 'home' | 'selfService' }> }) {
  const { t } = useI18n();
  const { rt } = useRegistryText();
  const { session, user } = useSession();
  const { neighbourhoods } = useNeighbourhoods();
  const neighbourhoodName = route.name === 'neighbourhood' ? neighbourhoods.find((n) => n.code === route.code)?.name : undefined;
  const title = routeTitle(route, t, rt, neighbourhoodName);
  useDocumentTitle(title, t('app.title'), user ? '#content' : undefined);
  return (
    <div className="utrecht-theme utrecht-document app app--page">
      <SkipLink target="content">{rt('page.skipToContent')}</SkipLink>
      <header className="app__header">
        <div>
          <p className="app__title utrecht-heading-1">
            <a href="/" className="app__home-link">
              {t('app.title')}
            </a>
          </p>
          <AppSubtitle />
        </div>
        <MainNav route={route} />
        <HeaderTools />
      </header>
      <main className="app__page" id="content" tabIndex={-1}>
        <StatusMessage />
        {session.status === 'checking' ? (
          <Paragraph role="status">{t('auth.checking')}</Paragraph>
        ) : !user ? (
          // Registry pages hold personal data and changes: signed-in users only (the server refuses others too).
          <>
            <h1 className="utrecht-heading-1">{title}</h1>
            <SignInForm />
          </>
        ) : (
          <PageErrorBoundary key={route.name}>
            <Suspense fallback={<Paragraph role="status">{rt('page.loading')}</Paragraph>}>
              <RegistryRoutes route={route} />
            </Suspense>
          </PageErrorBoundary>
        )}
      </main>
    </div>
  );
}
