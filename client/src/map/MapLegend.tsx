import { useI18n } from '../i18n/i18n';
import type { MapNeighbourhood } from './map-types';

/** Legend and data attribution under the map; the note on approximate boundaries only when it applies. */
export function MapLegend({ neighbourhoods }: { neighbourhoods: readonly MapNeighbourhood[] }) {
  const { t } = useI18n();
  const approximate = neighbourhoods.filter((n) => n.boundaryApproximate).length;
  return (
    <div className="map-legend">
      <p className="map-legend__title" id="map-legend-title">
        {t('map.legend')}
      </p>
      <ul className="map-legend__items" aria-labelledby="map-legend-title">
        <li>
          <span className="legend-symbol partner-marker partner-marker--person" aria-hidden="true">
            P
          </span>
          {t('map.legendPerson')}
        </li>
        <li>
          <span className="legend-symbol partner-marker partner-marker--organisation" aria-hidden="true">
            O
          </span>
          {t('map.legendOrganisation')}
        </li>
      </ul>
      <p className="map-legend__source">{t('map.boundarySource')}</p>
      {approximate > 0 ? <p className="map-legend__note">{t('map.boundaryApproximate', { count: approximate })}</p> : null}
    </div>
  );
}
