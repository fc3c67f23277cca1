import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { AppSubtitle } from '../features/app-settings/components/AppSubtitle';
import { SignInForm } from '../features/auth/components/SignInForm';
import { sessionHint } from '../features/auth/hooks/use-session';
import { SearchTabs } from './SearchTabs';
import { SkipLink } from './SkipLink';
import { useI18n } from '../i18n/i18n';
import { HeaderTools } from './HeaderTools';
import { MainNav } from './MainNav';
import type { Route } from './router';
import { MatchPanel } from '../features/matching/components/MatchPanel';
import { BrowsePanel } from '../features/partner-search/components/BrowsePanel';
import { MapSection } from '../map/MapSection';
import type { MapPageState } from './use-map-page';

/** The map page: header, the search panel (ranked search or browsing) beside or above the map. */
export function MapPage({ page, route }: { page: MapPageState; route: Route }) {
  const { t } = useI18n();
  const { session, signedIn, mapOpen, setMapOpen, mode, switchMode } = page;
  return (
    <div className="utrecht-theme utrecht-document app">
      {signedIn ? (
        <SkipLink target={mode === 'match' ? 'match-language' : 'search-language'}>{t('app.skipToSearch')}</SkipLink>
      ) : session.status === 'signedOut' ? (
        <SkipLink target="sign-in-email">{t('app.skipToSignIn')}</SkipLink>
      ) : null}
      <SkipLink target="map">{t('app.skipToMap')}</SkipLink>
      <header className="app__header">
        <div>
          <Heading level={1} className="app__title">
            {t('app.title')}
          </Heading>
          <AppSubtitle />
        </div>
        <MainNav route={route} />
        <HeaderTools />
      </header>

      {/* Its own scroll area (see app.css); focusable so it can be scrolled with the keyboard whatever it holds. */}
      <aside className="app__panel" aria-label={t('app.sidePanel')} tabIndex={0}>
        {session.status === 'checking' ? (
          // Room for what comes next (the search or the sign-in form), so the page below does not jump on a phone.
          <div className={`app__checking app__checking--${sessionHint() ?? 'signedOut'}`}>
            <Paragraph role="status">{t('auth.checking')}</Paragraph>
          </div>
        ) : !signedIn ? (
          <>
            <SignInForm />
            {session.status === 'signedOut' && session.checkError ? (
              <Alert type="error" role="alert">
                <Paragraph>{t('auth.checkError', { message: session.checkError.message })}</Paragraph>
              </Alert>
            ) : null}
          </>
        ) : (
          <>
            <SearchTabs mode={mode} onChange={switchMode} />
            <div role="tabpanel" id={`search-panel-${mode}`} aria-labelledby={`search-tab-${mode}`} className="app__tabpanel">
              {mode === 'match' ? <MatchPanel page={page} /> : <BrowsePanel page={page} />}
            </div>
          </>
        )}
      </aside>

      <div className="app__map-toggle">
        <button
          type="button"
          className="header-tools__toggle app__map-button"
          aria-expanded={mapOpen}
          aria-controls="map"
          onClick={() => setMapOpen((v) => !v)}
        >
          {mapOpen ? t('map.sectionHide') : t('map.sectionShow')}
        </button>
      </div>
      <MapSection page={page} />
    </div>
  );
}
