import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MapNeighbourhood } from './map-types';

interface Props {
  neighbourhoods: readonly MapNeighbourhood[];
}

/** Open on a wide screen, folded on a phone or when zoomed in far (where it would cover the map). */
const startsOpen = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 64em) and (min-height: 40em)').matches;

/**
 * Legend and data attribution over the map: every symbol the map uses, explained. It folds away with
 * its button (aria-expanded), so it never has to cover the map.
 */
export function MapLegend({ neighbourhoods }: Props) {
  const { t, intl } = useI18n();
  const [open, setOpen] = useState(startsOpen);
  const approximate = neighbourhoods.filter((n) => n.boundaryApproximate).length;
  return (
    <div className={open ? 'map-legend map-legend--open' : 'map-legend'}>
      <button type="button" className="map-legend__toggle" aria-expanded={open} aria-controls="map-legend-body" onClick={() => setOpen((v) => !v)}>
        {open ? t('map.legendHide') : t('map.legendShow')}
      </button>
      <div id="map-legend-body" hidden={!open}>
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
          <li>
            <span className="legend-symbol legend-symbol--cluster partner-cluster" aria-hidden="true">
              <span className="partner-cluster__count">12</span>
              <span className="partner-cluster__split">9P 3O</span>
            </span>
            {t('map.legendCluster')}
          </li>
          <li>
            <span className="legend-symbol partner-marker partner-marker--person partner-marker--highlighted" aria-hidden="true">
              P
            </span>
            {t('map.legendHighlighted')}
          </li>
          <li>
            <span className="legend-symbol partner-marker partner-marker--person partner-marker--ranked partner-marker--highlighted" aria-hidden="true">
              1
            </span>
            {t('map.legendRanked')}
          </li>
          <li>
            <span className="legend-symbol partner-marker partner-marker--organisation partner-marker--selected" aria-hidden="true">
              O
            </span>
            {t('map.legendSelected')}
          </li>
          <li>
            <span className="legend-symbol legend-symbol--radius" aria-hidden="true" />
            {t('map.legendRadius')}
          </li>
          <li>
            <span className="legend-symbol walk-in-marker" aria-hidden="true">
              S
            </span>
            {t('map.legendWalkIn')}
          </li>
          <li>
            <span className="legend-symbol legend-symbol--neighbourhood" aria-hidden="true" />
            {t('map.legendNeighbourhood')}
          </li>
        </ul>
        <p className="map-legend__source">
          {/* The data set's own (Dutch) title stays Dutch, marked as such. */}
          {intl.formatMessage({ id: 'map.boundarySource' }, { title: <span lang="nl">Wijk- en Buurtkaart 2024</span> })}
        </p>
        {approximate > 0 ? <p className="map-legend__note">{t('map.boundaryApproximate', { count: approximate })}</p> : null}
      </div>
    </div>
  );
}
