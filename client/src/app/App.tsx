import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AppSubtitle } from '../features/app-settings/components/AppSubtitle';
import { useClientSettings } from '../features/app-settings/hooks/use-client-settings';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useSession } from '../features/auth/hooks/use-session';
import { useLanguages } from '../features/language/hooks/use-languages';
import { useNeighbourhoods } from '../features/neighbourhood/hooks/use-neighbourhoods';
import { MatchForm } from '../features/matching/components/MatchForm';
import { MatchResults } from '../features/matching/components/MatchResults';
import { criteriaFromUrl, urlFromCriteria } from '../features/matching/hooks/match-url';
import { useMatchPanel } from '../features/matching/hooks/use-match-panel';
import { SearchTabs } from './SearchTabs';
import { SkipLink } from './SkipLink';
import { PartnerDetail } from '../features/partner-search/components/PartnerDetail';
import { ResultsList } from '../features/partner-search/components/ResultsList';
import { SearchForm } from '../features/partner-search/components/SearchForm';
import { WalkInHours } from '../features/walk-in/components/WalkInHours';
import type { MapWalkInHour } from '../map/WalkInLayer';
import type { PartnerRef } from '../features/partner-search/hooks/use-partner-detail';
import { type SearchCriteria, usePartnerSearch } from '../features/partner-search/hooks/use-partner-search';
import { usePartnerMap } from '../features/partner-map/hooks/use-partner-map';
import type { SearchPartnersQuery } from '../generated/graphql';
import { useI18n } from '../i18n/i18n';
import { MapCount } from '../map/MapCount';
import { MapLegend } from '../map/MapLegend';
import { mapLabel, SocialMap } from '../map/SocialMap';
import { type MapPartner, type MapView, partnerKey } from '../map/map-types';
import { HeaderTools } from './HeaderTools';
import { MainNav } from './MainNav';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PageShell } from './PageShell';
import { useRoute } from './router';
import { useDocumentTitle } from './page-title';
import { lazyPage } from './lazy-page';

// A partner's own page is rare and needs none of the map: its own chunk.
const SelfServicePage = lazyPage(() => import('../features/self-service/components/SelfServicePage'), 'SelfServicePage');

const EMPTY_CRITERIA: SearchCriteria = { language: '', neighbourhoodCode: '' };

/** Where an opened partner of the list sits on the map: persons at their neighbourhood centre, organisations at their venue. */
function pointIn(data: SearchPartnersQuery | undefined, ref: PartnerRef): MapPartner | undefined {
  if (!data) return undefined;
  if (ref.kind === 'person') {
    const p = data.persons.items.find((item) => item.id === ref.id);
    return p?.mapPoint ? { id: p.id, kind: 'person', name: p.name, lat: p.mapPoint.lat, lon: p.mapPoint.lon, highlighted: true } : undefined;
  }
  const o = data.organisations.items.find((item) => item.id === ref.id);
  return o && o.lat != null && o.lon != null ? { id: o.id, kind: 'organisation', name: o.name, lat: o.lat, lon: o.lon, highlighted: true } : undefined;
}

const ANY: SearchCriteria = { language: '', neighbourhoodCode: '' };

function focusHeading(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const { session, user } = useSession();
  const signedIn = Boolean(user);
  const { settings } = useClientSettings();
  const { neighbourhoods, loading: neighbourhoodsLoading, error: neighbourhoodsError, municipalityCode } = useNeighbourhoods();
  const municipality = useMemo(
    () =>
      settings
        ? {
            name: settings.municipalityName,
            bounds: settings.municipalityBounds,
            borders: settings.municipalities.map((m) => ({ code: m.code, name: m.name, boundary: m.boundary })),
          }
        : undefined,
    [settings],
  );
  const { languages, error: languagesError } = useLanguages();
  const [mapView, setMapView] = useState<MapView | undefined>();
  // On a phone the map is a section the user opens (the results come first); elsewhere it is always there.
  const [mapOpen, setMapOpen] = useState(() => !window.matchMedia?.('(max-width: 48rem)').matches);
  useEffect(() => {
    const narrow = window.matchMedia?.('(max-width: 48rem)');
    if (!narrow) return;
    const onChange = () => {
      if (!narrow.matches) setMapOpen(true);
    };
    narrow.addEventListener('change', onChange);
    return () => narrow.removeEventListener('change', onChange);
  }, []);

  const [draft, setDraft] = useState<SearchCriteria>(EMPTY_CRITERIA);
  const [submitted, setSubmitted] = useState<(SearchCriteria & { searchId: number }) | undefined>();
  const [openPartner, setOpenPartner] = useState<PartnerRef | undefined>();
  const { results, loading: searching, error: searchError } = usePartnerSearch(submitted);

  // Two ways to search: "Zoek een partner" (ranked matching, kept in the URL) and browsing the directory.
  // The first tab, "Zoek een partner", is the default; a link to a browse search is not kept in the URL, so only a ranked one can open.
  const [mode, setMode] = useState<'browse' | 'match'>('match');
  // Only signed in: a shared link opened while signed out waits for sign-in and then runs its search
  // (the server refuses it anonymously), and signing out drops the results from the screen.
  const match = useMatchPanel(mode === 'match' && signedIn);
  const switchMode = (next: 'browse' | 'match') => {
    setMode(next);
    setOpenPartner(undefined);
    window.history.replaceState(null, '', next === 'match' ? urlFromCriteria(match.draft) : window.location.pathname);
  };
  // Back and forward move between searches kept in the URL.
  const restoreMatch = match.restore;
  useEffect(() => {
    const onPopState = () => {
      const { open, criteria } = criteriaFromUrl(window.location.search);
      setMode(open ? 'match' : 'browse');
      setOpenPartner(undefined);
      if (open) restoreMatch(criteria);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [restoreMatch]);

  const search = useCallback((criteria: SearchCriteria) => {
    setOpenPartner(undefined);
    setSubmitted((previous) => ({ ...criteria, searchId: (previous?.searchId ?? 0) + 1 }));
  }, []);

  const selectNeighbourhood = useCallback(
    (code: string) => {
      const next = { ...draft, neighbourhoodCode: code };
      setDraft(next);
      // Signed out, a click only picks the neighbourhood for the search after signing in.
      if (signedIn) search(next);
    },
    [draft, search, signedIn],
  );

  const reset = useCallback(() => {
    setDraft(EMPTY_CRITERIA);
    setSubmitted(undefined);
    setOpenPartner(undefined);
  }, []);

  // Whoever signs in next starts from an empty search: nothing of the previous user's results stays on screen.
  const userId = user?.id;
  useEffect(() => {
    if (!userId) {
      reset();
      setMode('match');
      setOpenPoint(undefined);
    }
  }, [userId, reset]);

  // Before a search the map shows every partner, clustered by the server; after one, all of its hits.
  // A ranked search shows its answer instead, each hit with its rank number (never clustered).
  // The walk-in hours of the last walk-in search, drawn on the map (issue 15).
  const [walkInFound, setWalkInFound] = useState<MapWalkInHour[]>([]);
  const rankedPartners = useMemo(
    () => (mode === 'match' && match.result ? match.mapPartners.map((p, index) => ({ ...p, rank: index + 1 })) : undefined),
    [mode, match.result, match.mapPartners],
  );
  const mapFilter =
    mode === 'browse' && submitted
      ? { language: submitted.language, neighbourhoodCode: submitted.neighbourhoodCode, postcode: submitted.postcode, radiusKm: submitted.radiusKm }
      : ANY;
  const partnerMap = usePartnerMap(mapFilter, mapView, signedIn && !rankedPartners);
  const [openPoint, setOpenPoint] = useState<MapPartner | undefined>();
  const openOnMap = useCallback((partner: MapPartner) => {
    setOpenPartner({ kind: partner.kind, id: partner.id });
    setOpenPoint(partner);
  }, []);
  const selectedPartner =
    openPartner &&
    (openPoint && partnerKey(openPoint) === partnerKey(openPartner)
      ? openPoint
      : (rankedPartners?.find((p) => partnerKey(p) === partnerKey(openPartner)) ?? pointIn(results, openPartner)));

  // After a search the answer comes first: its heading is focused (and so announced) and scrolled into view.
  const browseSearchId = submitted?.searchId;
  useEffect(() => {
    if (browseSearchId && !searching) focusHeading('results-heading');
  }, [browseSearchId, searching]);
  const matchSearchId = match.submitted?.searchId;
  useEffect(() => {
    if (matchSearchId && !match.loading) focusHeading('match-results-heading');
  }, [matchSearchId, match.loading]);

  const languageError = searchError?.forField('language');
  const neighbourhoodError = searchError?.forField('neighbourhoodCode');
  const nearError = searchError?.forField('near.postcode') ?? searchError?.forField('near.radiusKm') ?? searchError?.forField('filter.near');
  const otherError = searchError && !languageError && !neighbourhoodError && !nearError ? searchError : undefined;

  useDocumentTitle(route.name === 'home' ? t('title.home') : null, t('app.title'), undefined);

  // Other pages share the page shell (header, navigation, sign-in); the map page keeps its state while they are open.
  // A partner's own page: no account, no app header; the token decides what it shows.
  if (route.name === 'selfService')
    return (
      <PageErrorBoundary>
        <Suspense fallback={null}>
          <SelfServicePage key={route.token} token={route.token} />
        </Suspense>
      </PageErrorBoundary>
    );
  if (route.name !== 'home') return <PageShell route={route} />;

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
          <Paragraph role="status">{t('auth.checking')}</Paragraph>
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
              {mode === 'match' ? (
                <>
                  <MatchForm
                    value={match.draft}
                    languages={languages}
                    neighbourhoods={neighbourhoods}
                    loading={match.loading}
                    errorFor={match.errorFor}
                    missing={match.missing}
                    onChange={match.setDraft}
                    onSubmit={() => {
                      setOpenPartner(undefined);
                      match.search(match.draft);
                    }}
                    onReset={() => {
                      setOpenPartner(undefined);
                      match.reset();
                    }}
                  />
                  <section className="app__results" aria-labelledby={openPartner ? undefined : 'match-results-heading'} aria-busy={match.loading}>
                    {openPartner ? (
                      <PartnerDetail partner={openPartner} onBack={() => setOpenPartner(undefined)} />
                    ) : (
                      <>
                        <Heading level={2} id="match-results-heading" tabIndex={-1} className="app__results-heading">
                          {t('results.heading')}
                        </Heading>
                        <div role="status" className="app__status">
                          {match.loading
                            ? t('search.loading')
                            : match.result
                              ? t(match.result.totalCount > match.result.matches.length ? 'match.summary' : 'match.summaryAll', {
                                  count: match.result.totalCount,
                                  radius: match.result.radiusKm,
                                  place: match.result.place.neighbourhoodName ?? match.result.place.neighbourhoodCode ?? '',
                                  shown: match.result.matches.length,
                                })
                              : ''}
                        </div>
                        {match.error && !match.errorFor('languages') && !match.errorFor('neighbourhoodCode') && !match.errorFor('radiusKm') ? (
                          <Alert type="error" role="alert">
                            <Paragraph>{t('error.generic', { message: match.error.message })}</Paragraph>
                          </Alert>
                        ) : null}
                        {!match.submitted ? <Paragraph>{t('match.initial')}</Paragraph> : null}
                        {match.result && !match.loading ? (
                          <>
                            <MatchResults
                              result={match.result}
                              neighbourhoods={neighbourhoods}
                              selectedKey={undefined}
                              onOpen={setOpenPartner}
                              onWiden={(suggestion) => {
                                setOpenPartner(undefined);
                                match.widen(suggestion);
                              }}
                            />
                            <Paragraph className="app__share">{t('match.share')}</Paragraph>
                          </>
                        ) : null}
                      </>
                    )}
                  </section>
                </>
              ) : (
                <>
                  <SearchForm
                    value={draft}
                    languages={languages}
                    neighbourhoods={neighbourhoods}
                    loading={searching}
                    languageError={languageError}
                    neighbourhoodError={neighbourhoodError}
                    nearError={nearError}
                    onChange={setDraft}
                    onSubmit={() => search(draft)}
                    onReset={reset}
                  />
                  {languagesError ? <Paragraph className="error-text">{t('language.loadError')}</Paragraph> : null}
                  <WalkInHours languages={languages} neighbourhoods={neighbourhoods} onFound={setWalkInFound} />

                  <section className="app__results" aria-labelledby={openPartner ? undefined : 'results-heading'} aria-busy={searching}>
                    {openPartner ? (
                      <PartnerDetail partner={openPartner} onBack={() => setOpenPartner(undefined)} />
                    ) : (
                      <>
                        <Heading level={2} id="results-heading" tabIndex={-1} className="app__results-heading">
                          {t('results.heading')}
                        </Heading>
                        <div role="status" className="app__status">
                          {searching
                            ? t('search.loading')
                            : results
                              ? t('results.summary', { persons: results.persons.totalCount, organisations: results.organisations.totalCount })
                              : ''}
                        </div>
                        {otherError ? (
                          <Alert type="error" role="alert">
                            <Paragraph>{t('error.generic', { message: otherError.message })}</Paragraph>
                          </Alert>
                        ) : null}
                        {!submitted ? <Paragraph>{t('results.initial')}</Paragraph> : null}
                        {results && !searching ? (
                          <ResultsList
                            persons={results.persons.items}
                            organisations={results.organisations.items}
                            personsTotal={results.persons.totalCount}
                            organisationsTotal={results.organisations.totalCount}
                            onOpen={setOpenPartner}
                          />
                        ) : null}
                      </>
                    )}
                  </section>
                </>
              )}
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
      <main className={mapOpen ? 'app__map' : 'app__map app__map--closed'} id="map" tabIndex={-1} aria-busy={neighbourhoodsLoading}>
        <h2 className="visually-hidden">{mapLabel(t, settings?.municipalityName)}</h2>
        {neighbourhoodsLoading ? (
          <p className="app__map-status" role="status">
            {t('map.loading')}
          </p>
        ) : null}
        {neighbourhoodsError ? (
          <p className="app__map-status error-text" role="alert">
            {t('map.error', { message: neighbourhoodsError.message })}
          </p>
        ) : null}
        {!neighbourhoodsLoading && !neighbourhoodsError && municipalityCode && neighbourhoods.length === 0 ? (
          <p className="app__map-status" role="status">
            {t('map.noNeighbourhoods', { code: settings?.municipalities.find((m) => m.code === municipalityCode)?.name ?? municipalityCode })}
          </p>
        ) : null}
        {/* Mounted only when open: Leaflet measures its container when it starts. */}
        {mapOpen ? (
          <SocialMap
            neighbourhoods={neighbourhoods}
            clusters={partnerMap.map?.clusters}
            clustersHighlighted={mode === 'browse' && Boolean(submitted)}
            clustersExtent={partnerMap.map?.extent}
            rankedPartners={rankedPartners}
            walkInHours={walkInFound}
            selectedPartner={selectedPartner}
            onViewChange={setMapView}
            selectedNeighbourhoodCode={(mode === 'match' ? match.draft.neighbourhoodCode : draft.neighbourhoodCode) || undefined}
            focusKey={
              mode === 'match'
                ? match.submitted && match.result
                  ? `match-${match.submitted.searchId}`
                  : undefined
                : submitted && partnerMap.map
                  ? String(submitted.searchId)
                  : undefined
            }
            searchArea={mode === 'match' ? match.searchArea : undefined}
            municipality={municipality}
            tileUrl={settings?.tileUrl}
            tileAttribution={settings?.tileAttribution}
            onNeighbourhoodSelect={mode === 'match' ? match.selectNeighbourhood : selectNeighbourhood}
            onPartnerSelect={openOnMap}
          />
        ) : null}
        {signedIn ? (
          <MapCount
            map={partnerMap.map}
            loading={partnerMap.loading && !partnerMap.map}
            error={partnerMap.error?.message}
            searched={mode === 'browse' && Boolean(submitted)}
            ranked={rankedPartners && match.result ? { shown: rankedPartners.length, total: match.result.totalCount } : undefined}
          />
        ) : null}
        <MapLegend neighbourhoods={neighbourhoods} />
      </main>
    </div>
  );
}
