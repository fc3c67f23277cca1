import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { MatchForm } from './MatchForm';
import { MatchResults } from './MatchResults';
import { PartnerDetail } from '../../partner-search/components/PartnerDetail';
import { useI18n } from '../../../i18n/i18n';
import type { MapPageState } from '../../../app/use-map-page';

/** The ranked search ("Zoek een partner"): its form, then its answer (or the partner opened from it). */
export function MatchPanel({ page }: { page: MapPageState }) {
  const { t } = useI18n();
  const { neighbourhoods, languages, openPartner, setOpenPartner, match } = page;
  return (
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
  );
}
