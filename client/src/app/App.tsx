import { Suspense } from 'react';
import { useI18n } from '../i18n/i18n';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PageShell } from './PageShell';
import { useRoute } from './router';
import { useDocumentTitle } from './page-title';
import { lazyPage } from './lazy-page';
import { MapPage } from './MapPage';
import { useMapPage } from './use-map-page';

// A partner's own page is rare and needs none of the map: its own chunk.
const SelfServicePage = lazyPage(() => import('../features/self-service/components/SelfServicePage'), 'SelfServicePage');

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  // Held here, above the routes: the map page keeps its searches while another page is open.
  const mapPage = useMapPage();

  useDocumentTitle(route.name === 'home' ? t('title.home') : null, t('app.title'), undefined);

  // A partner's own page: no account, no app header; the token decides what it shows.
  if (route.name === 'selfService')
    return (
      <PageErrorBoundary>
        <Suspense fallback={null}>
          <SelfServicePage key={route.token} token={route.token} />
        </Suspense>
      </PageErrorBoundary>
    );
  // Other pages share the page shell (header, navigation, sign-in).
  if (route.name !== 'home') return <PageShell route={route} />;
  return <MapPage page={mapPage} route={route} />;
}
