import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { useClientSettings } from '../features/app-settings/hooks/use-client-settings';
import { useLanguages } from '../features/language/hooks/use-languages';
import { useNeighbourhoods } from '../features/neighbourhood/hooks/use-neighbourhoods';
import { PartnerDetail } from '../features/partner-search/components/PartnerDetail';
import { ResultsList } from '../features/partner-search/components/ResultsList';
import { SearchForm } from '../features/partner-search/components/SearchForm';
import type { PartnerRef } from '../features/partner-search/hooks/use-partner-detail';
import { type SearchCriteria, usePartnerOverview, usePartnerSearch } from '../features/partner-search/hooks/use-partner-search';
import type { SearchPartnersQuery } from '../generated/graphql';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { MapLegend } from '../map/MapLegend';
import { SocialMap } from '../map/SocialMap';
import { type MapPartner, partnerKey } from '../map/map-types';

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
  const { settings } = useClientSettings();
  const { neighbourhoods, loading: neighbourhoodsLoading, error: neighbourhoodsError } = useNeighbourhoods();
  const { languages, error: languagesError } = useLanguages();
  const { overview } = usePartnerOverview();

  const [draft, setDraft] = useState<SearchCriteria>(EMPTY_CRITERIA);
  const [submitted, setSubmitted] = useState<(SearchCriteria & { searchId: number }) | undefined>();
  const [openPartner, setOpenPartner] = useState<PartnerRef | undefined>();
  const { results, loading: searching, error: searchError } = usePartnerSearch(submitted);

  const search = useCallback((criteria: SearchCriteria) => {
    setOpenPartner(undefined);
    setSubmitted((previous) => ({ ...criteria, searchId: (previous?.searchId ?? 0) + 1 }));
  }, []);

  const selectNeighbourhood = useCallback(
    (code: string) => {
      const next = { ...draft, neighbourhoodCode: code };
      setDraft(next);
      search(next);
    },
    [draft, search],
  );

  const reset = () => {
    setDraft(EMPTY_CRITERIA);
    setSubmitted(undefined);
    setOpenPartner(undefined);
  };

  // Before a search the map shows every partner; after one, only the results, highlighted.
  const mapPartners = useMemo(() => (submitted ? toMapPartners(results, true) : toMapPartners(overview, false)), [submitted, results, overview]);
  const openOnMap = useCallback((partner: MapPartner) => setOpenPartner({ kind: partner.kind, id: partner.id }), []);

  const languageError = searchError?.forField('language');
  const neighbourhoodError = searchError?.forField('neighbourhoodCode');
  const otherError = searchError && !languageError && !neighbourhoodError ? searchError : undefined;

  return (
    <div className="utrecht-theme utrecht-document app">
      <a className="skip-link" href="#search-language">
        {t('app.skipToSearch')}
      </a>
      <a className="skip-link" href="#map">
        {t('app.skipToMap')}
      </a>
      <header className="app__header">
        <div>
          <Heading level={1} className="app__title">
            {t('app.title')}
          </Heading>
          <p className="app__subtitle">{t('app.subtitle')}</p>
        </div>
        <nav aria-label="Beheer" className="app__admin-nav">
          <a className="utrecht-link" href="/importeren">Importeren</a>
        </nav>
        <LanguageSwitch />
      </header>

      <aside className="app__panel" aria-label={t('app.sidePanel')}>
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
      </aside>

      <main className="app__map" id="map" tabIndex={-1} aria-busy={neighbourhoodsLoading}>
        <h2 className="visually-hidden">{t('map.label')}</h2>
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
        <SocialMap
          neighbourhoods={neighbourhoods}
          partners={mapPartners}
          selectedNeighbourhoodCode={draft.neighbourhoodCode || undefined}
          selectedPartnerKey={openPartner ? partnerKey(openPartner) : undefined}
          focusKey={submitted && results ? String(submitted.searchId) : undefined}
          tileUrl={settings?.tileUrl}
          tileAttribution={settings?.tileAttribution}
          onNeighbourhoodSelect={selectNeighbourhood}
          onPartnerSelect={openOnMap}
        />
        <MapLegend neighbourhoods={neighbourhoods} />
      </main>
    </div>
  );
}
