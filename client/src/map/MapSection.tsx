import { useI18n } from '../i18n/i18n';
import { MapCount } from './MapCount';
import { MapLegend } from './MapLegend';
import { mapLabel, SocialMap } from './SocialMap';
import type { MapPageState } from '../app/use-map-page';

/** The map section of the map page: buurten, clustered partners or the ranked hits, the count and the legend. */
export function MapSection({ page }: { page: MapPageState }) {
  const { t } = useI18n();
  const {
    signedIn,
    settings,
    neighbourhoods,
    neighbourhoodsLoading,
    neighbourhoodsError,
    municipalityCode,
    municipality,
    mapOpen,
    draft,
    submitted,
    mode,
    match,
    selectNeighbourhood,
    walkInFound,
    rankedPartners,
    partnerMap,
    openOnMap,
    selectedPartner,
    setMapView,
  } = page;
  return (
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
  );
}
