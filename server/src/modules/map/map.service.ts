import { Injectable } from '@nestjs/common';
import type { NearFilter } from '../../common/directory-filter.input.js';
import Supercluster, { type PointFeature } from 'supercluster';
import type { Actor } from '../auth/actor.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PersonService } from '../person/person.service.js';
import type { PartnerMapInput } from './dto/partner-map.input.js';
import { type PartnerMap, type PartnerMapCluster, PartnerKind } from './models/partner-map.model.js';

/** More markers than this in one answer are cut off (and said so): a client asks per visible box. */
export const MAX_MAP_MARKERS = 2000;
/** Above this zoom level every partner is its own marker (the client fans out those on one point). */
export const CLUSTER_MAX_ZOOM = 16;

interface PointProps {
  kind: PartnerKind;
  id: string;
  name: string;
}
interface ClusterProps {
  persons: number;
  organisations: number;
}

/**
 * The clustered map of every partner: points come from the person and organisation services (with the
 * same filter as the lists, so a search's count and the map's agree), clusters from supercluster for the
 * requested zoom level and box. Anonymous callers get organisations only: persons are never anonymous.
 */
@Injectable()
export class MapService {
  constructor(
    private readonly persons: PersonService,
    private readonly organisations: OrganisationService,
  ) {}

  /** Indexes by who asks (persons hidden or not) and filter, reused while the directory's fingerprint is unchanged. */
  private readonly cache = new Map<string, Built>();

  async partnerMap(actor: Actor | null, input: PartnerMapInput): Promise<PartnerMap> {
    const near = input.near ? { postcode: input.near.postcode, neighbourhoodCode: input.near.neighbourhoodCode, radiusKm: input.near.radiusKm } : undefined;
    const filter = { language: input.language, neighbourhoodCode: input.neighbourhoodCode, name: input.name, near };
    const personsHidden = !actor;
    const key = JSON.stringify([personsHidden, filter]);
    const version = (await Promise.all([personsHidden ? '' : this.persons.mapVersion(), this.organisations.mapVersion()])).join('|');
    let built = this.cache.get(key);
    if (!built || built.version !== version) {
      built = await this.build(filter, personsHidden, version);
      this.cache.delete(key);
      this.cache.set(key, built);
      // A handful of recent filters is enough: each index holds every matching point.
      if (this.cache.size > MAX_CACHED_MAPS) this.cache.delete(this.cache.keys().next().value!);
    }
    const { index, persons, organisations, extent } = built;
    const b = input.bounds;
    // A box across the antimeridian is not a case for a municipal map: a west beyond east is the whole width.
    const box: [number, number, number, number] = b
      ? [b.west <= b.east ? b.west : -180, b.south, b.west <= b.east ? b.east : 180, b.north]
      : [-180, -85, 180, 85];
    const features = index.getClusters(box, input.zoom);
    const clusters = features.slice(0, MAX_MAP_MARKERS).map((f): PartnerMapCluster => {
      const [lon, lat] = f.geometry.coordinates;
      const props = f.properties as (PointProps | ClusterProps) & { cluster?: boolean; cluster_id?: number; point_count?: number };
      if (props.cluster) {
        const c = props as ClusterProps & { cluster_id: number; point_count: number };
        return {
          lat,
          lon,
          count: c.point_count,
          persons: c.persons,
          organisations: c.organisations,
          expansionZoom: index.getClusterExpansionZoom(c.cluster_id),
          kind: null,
          partnerId: null,
          name: null,
        };
      }
      const p = props as PointProps;
      const person = p.kind === PartnerKind.PERSON;
      return { lat, lon, count: 1, persons: person ? 1 : 0, organisations: person ? 0 : 1, expansionZoom: null, kind: p.kind, partnerId: p.id, name: p.name };
    });
    return {
      extent,
      personsTotal: persons.total,
      organisationsTotal: organisations.total,
      personsPlaced: persons.placed,
      organisationsPlaced: organisations.placed,
      personsHidden,
      clusters,
      truncated: features.length > MAX_MAP_MARKERS,
    };
  }

  private async build(
    filter: { language?: string; neighbourhoodCode?: string; name?: string; near?: NearFilter },
    personsHidden: boolean,
    version: string,
  ): Promise<Built> {
    const [persons, organisations] = await Promise.all([
      personsHidden ? { total: 0, points: [] } : this.persons.mapPoints(filter),
      this.organisations.mapPoints(filter),
    ]);
    const index = new Supercluster<PointProps, ClusterProps>({
      radius: 60,
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (p) => ({ persons: p.kind === PartnerKind.PERSON ? 1 : 0, organisations: p.kind === PartnerKind.ORGANISATION ? 1 : 0 }),
      reduce: (into, p) => {
        into.persons += p.persons;
        into.organisations += p.organisations;
      },
    });
    const feature =
      (kind: PartnerKind) =>
      (p: { id: string; name: string; lat: number; lon: number }): PointFeature<PointProps> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { kind, id: p.id, name: p.name },
      });
    index.load([...persons.points.map(feature(PartnerKind.PERSON)), ...organisations.points.map(feature(PartnerKind.ORGANISATION))]);
    const all = [...persons.points, ...organisations.points];
    const extent = all.length
      ? all.reduce(
          (e, p) => ({ south: Math.min(e.south, p.lat), north: Math.max(e.north, p.lat), west: Math.min(e.west, p.lon), east: Math.max(e.east, p.lon) }),
          { south: 90, north: -90, west: 180, east: -180 },
        )
      : null;
    return {
      version,
      index,
      extent,
      persons: { total: persons.total, placed: persons.points.length },
      organisations: { total: organisations.total, placed: organisations.points.length },
    };
  }
}

interface Built {
  version: string;
  index: Supercluster<PointProps, ClusterProps>;
  extent: { south: number; west: number; north: number; east: number } | null;
  persons: { total: number; placed: number };
  organisations: { total: number; placed: number };
}

const MAX_CACHED_MAPS = 8;
