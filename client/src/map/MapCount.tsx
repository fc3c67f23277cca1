import { useI18n } from '../i18n/i18n';

interface Props {
  map:
    | { personsTotal: number; organisationsTotal: number; personsPlaced: number; organisationsPlaced: number; personsHidden: boolean; truncated: boolean }
    | undefined;
  loading: boolean;
  error: string | undefined;
  /** The map shows the hits of a search, not the whole directory. */
  searched: boolean;
  /** A ranked search: how many of its hits are on the map, of how many. */
  ranked: { shown: number; total: number } | undefined;
}

/** What the map shows, in numbers, so it is never silently incomplete: all, or how many of how many and why. */
export function MapCount({ map, loading, error, searched, ranked }: Props) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (ranked) {
    lines.push(t('map.countRanked', { shown: ranked.shown }));
    if (ranked.total > ranked.shown) lines.push(t('map.countRankedRest', { rest: ranked.total - ranked.shown }));
  } else if (error) {
    lines.push(t('map.countError', { message: error }));
  } else if (map) {
    const placed = map.personsPlaced + map.organisationsPlaced;
    const params = { placed, persons: map.personsPlaced, organisations: map.organisationsPlaced };
    lines.push(t(searched ? 'map.countSearch' : 'map.countAll', params));
    const unplaced = map.personsTotal + map.organisationsTotal - placed;
    if (unplaced > 0) lines.push(t('map.countUnplaced', { count: unplaced }));
    if (map.personsHidden) lines.push(t('map.countPersonsHidden'));
    if (map.truncated) lines.push(t('map.countTruncated'));
  } else if (loading) {
    lines.push(t('map.countLoading'));
  }
  return (
    <div className="map-count" role="status" data-placed={map && !ranked ? map.personsPlaced + map.organisationsPlaced : undefined}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
