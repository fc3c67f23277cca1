import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppSubtitle } from '../features/app-settings/components/AppSubtitle';
import { useClientSettings } from '../features/app-settings/hooks/use-client-settings';
import { SessionBar } from '../features/auth/components/SessionBar';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useSession } from '../features/auth/hooks/use-session';
import { useLanguages } from '../features/language/hooks/use-languages';
import { useNeighbourhoods } from '../features/neighbourhood/hooks/use-neighbourhoods';
import { MatchForm } from '../features/matching/components/MatchForm';
import { MatchResults } from '../features/matching/components/MatchResults';
import { criteriaFromUrl, urlFromCriteria } from '../features/matching/hooks/match-url';
import { openedOnMatch, useMatchPanel } from '../features/matching/hooks/use-match-panel';
import { PartnerDetail } from '../features/partner-search/components/PartnerDetail';
import { ResultsList } from '../features/partner-search/components/ResultsList';
import { SearchForm } from '../features/partner-search/components/SearchForm';
import type { PartnerRef } from '../features/partner-search/hooks/use-partner-detail';
import { type SearchCriteria, usePartnerOverview, usePartnerSearch } from '../features/partner-search/hooks/use-partner-search';
import type { SearchPartnersQuery } from '../generated/graphql';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { MapLegend } from '../map/MapLegend';
import { mapLabel, SocialMap } from '../map/SocialMap';
import { type MapPartner, partnerKey } from '../map/map-types';
import { MainNav } from './MainNav';
import { PageShell } from './PageShell';
import { useRoute } from './router';

const EMPTY_CRITERIA: SearchCriteria = { language: '', neighbourhoodCode: '' };

/** Persons at their neighbourhood centre, organisations at their venue; records without a point stay off the map. */
function toMapPartners(data: SearchPartnersQuery | undefined, highlighted: boolean): MapPartner[] {
  if (!data) return [];
  const persons = data.persons.items.flatMap((p) =>
    p.mapPoint ? [{ id: p.id, kind: 'person' as const, name: p.name, lat: p.mapPoint.lat, lon: p.mapPoint.lon, highlighted }] : [],
  );
  const organisations = data.organisations.items.flatMap((o) =>
    o.lat != null && o.lon != null ? [{ id: o.id, kind: 'organisation' as const, name: o.name, lat: o.lat, lon: o.lon, highlighted }] : [],
  );
  return [...persons, ...organisations];
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const { session, user } = useSession();
  const signedIn = Boolean(user);
  const { settings } = useClientSettings();
  const { neighbourhoods, loading: neighbourhoodsLoading, error: neighbourhoodsError, municipalityCode } = useNeighbourhoods();
  const municipality = useMemo(
    () => (settings ? { name: settings.municipalityName, bounds: settings.municipalityBounds } : undefined),
    [settings],
  );
  const { languages, error: languagesError } = useLanguages();
  const { overview } = usePartnerOverview(signedIn);

  const [draft, setDraft] = useState<SearchCriteria>(EMPTY_CRITERIA);
  const [submitted, setSubmitted] = useState<(SearchCriteria & { searchId: number }) | undefined>();
  const [openPartner, setOpenPartner] = useState<PartnerRef | undefined>();
  const { results, loading: searching, error: searchError } = usePartnerSearch(submitted);

  // Two ways to search: "Zoek een partner" (ranked matching, kept in the URL) and browsing the directory.
  const [mode, setMode] = useState<'browse' | 'match'>(() => (openedOnMatch() ? 'match' : 'browse'));
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
    if (!userId) reset();
  }, [userId, reset]);

  // Before a search the map shows every partner; after one, only the results, highlighted.
  const browsePartners = useMemo(() => (submitted ? toMapPartners(results, true) : toMapPartners(overview, false)), [submitted, results, overview]);
  const mapPartners = mode === 'match' ? (match.result ? match.mapPartners : toMapPartners(overview, false)) : browsePartners;
  const openOnMap = useCallback((partner: MapPartner) => setOpenPartner({ kind: partner.kind, id: partner.id }), []);

  const languageError = searchError?.forField('language');
  const neighbourhoodError = searchError?.forField('neighbourhoodCode');
  const otherError = searchError && !languageError && !neighbourhoodError ? searchError : undefined;

  // Other pages share the page shell (header, navigation, sign-in); the map page keeps its state while they are open.
  if (route.name !== 'home') return <PageShell route={route} />;

  return (
    <div className="utrecht-theme utrecht-document app">
      {signedIn ? (
        <a className="skip-link" href={mode === 'match' ? '#match-language' : '#search-language'}>
          {t('app.skipToSearch')}
        </a>
      ) : session.status === 'signedOut' ? (
        <a className="skip-link" href="#sign-in-email">
          {t('app.skipToSignIn')}
        </a>
      ) : null}
      <a className="skip-link" href="#map">
        {t('app.skipToMap')}
      </a>
      <header className="app__header">
        <div>
          <Heading level={1} className="app__title">
            {t('app.title')}
          </Heading>
          <AppSubtitle />
        </div>
        <MainNav route={route} />
        <div className="app__header-tools">
          <SessionBar />
          <LanguageSwitch />
        </div>
      </header>

      {/* Its own scroll area (see app.css); focusable so it can be scrolled with the keyboard whatever it holds. */}
      <aside className="app__panel" aria-label={t('app.sidePanel')} tabIndex={0}>
        {session.status === 'checking' ? (
          <Paragraph role="status">{t('auth.checking')}</Paragraph>
        ) : !signedIn ? (
          <>
            <SignInForm />
            {session.status === 'signedOut' && session.checkError ? (
              <Paragraph role="alert" className="error-text">
                {t('auth.checkError', { message: session.checkError.message })}
              </Paragraph>
            ) : null}
          </>
        ) : (
          <>
        <nav className="app__modes" aria-label={t('match.modes')}>
          <button type="button" className="app__mode" aria-pressed={mode === 'match'} onClick={() => switchMode('match')}>
            {t('match.tab')}
          </button>
          <button type="button" className="app__mode" aria-pressed={mode === 'browse'} onClick={() => switchMode('browse')}>
            {t('match.browseTab')}
          </button>
        </nav>
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
                  <Heading level={2} id="match-results-heading">
                    {t('results.heading')}
                  </Heading>
                  <div role="status" className="app__status">
                    {match.loading
                      ? t('search.loading')
                      : match.result
                        ? t(match.result.totalCount > match.result.matches.length ? 'match.summary' : 'match.summaryAll', {
                            count: match.result.totalCount,
                            radius: match.result.radiusKm.toLocaleString('nl-NL'),
                            place: match.result.place.neighbourhoodName ?? match.result.place.neighbourhoodCode ?? '',
                            shown: match.result.matches.length,
                          })
                        : ''}
                  </div>
                  {match.error && !match.errorFor('languages') && !match.errorFor('neighbourhoodCode') && !match.errorFor('radiusKm') ? (
                    <Paragraph role="alert" className="error-text">
                      {t('error.generic', { message: match.error.message })}
                    </Paragraph>
                  ) : null}
                  {!match.submitted ? <Paragraph>{t('match.initial')}</Paragraph> : null}
                  {match.result && !match.loading ? (
                    <>
                      <MatchResults
                        result={match.result}
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
          onChange={setDraft}
          onSubmit={() => search(draft)}
          onReset={reset}
        />
        {languagesError ? <Paragraph className="error-text">{t('language.loadError')}</Paragraph> : null}

        <section className="app__results" aria-labelledby={openPartner ? undefined : 'results-heading'} aria-busy={searching}>
          {openPartner ? (
            <PartnerDetail partner={openPartner} onBack={() => setOpenPartner(undefined)} />
          ) : (
            <>
              <Heading level={2} id="results-heading">
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
                <Paragraph role="alert" className="error-text">
                  {t('error.generic', { message: otherError.message })}
                </Paragraph>
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
          </>
        )}
      </aside>

      <main className="app__map" id="map" tabIndex={-1} aria-busy={neighbourhoodsLoading}>
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
        <SocialMap
          neighbourhoods={neighbourhoods}
          partners={mapPartners}
          selectedNeighbourhoodCode={(mode === 'match' ? match.draft.neighbourhoodCode : draft.neighbourhoodCode) || undefined}
          selectedPartnerKey={openPartner ? partnerKey(openPartner) : undefined}
          focusKey={
            mode === 'match'
              ? match.submitted && match.result
                ? `match-${match.submitted.searchId}`
                : undefined
              : submitted && results
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
        <MapLegend neighbourhoods={neighbourhoods} />
      </main>
    </div>
  );
}
