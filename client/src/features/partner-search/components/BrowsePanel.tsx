import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { PartnerDetail } from './PartnerDetail';
import { ResultsList } from './ResultsList';
import { SearchForm } from './SearchForm';
import { WalkInHours } from '../../walk-in/components/WalkInHours';
import { useI18n } from '../../../i18n/i18n';
import type { MapPageState } from '../../../app/use-map-page';

/** Browsing the directory: the search form, walk-in hours by language, then the hits (or the partner opened from them). */
export function BrowsePanel({ page }: { page: MapPageState }) {
  const { t } = useI18n();
  const {
    neighbourhoods,
    languages,
    languagesError,
    draft,
    setDraft,
    submitted,
    openPartner,
    setOpenPartner,
    results,
    searching,
    search,
    reset,
    setWalkInFound,
    languageError,
    neighbourhoodError,
    nearError,
    otherError,
  } = page;
  return (
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
  );
}
