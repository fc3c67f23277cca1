import { Injectable } from '@nestjs/common';
import { badInput } from '../../common/errors.js';
import type { NearFilter } from '../../common/directory-filter.input.js';
import { boundingBox, haversineKm } from '../matching/geo.js';
import { assertNeighbourhoodCode, NeighbourhoodService } from '../neighbourhood/neighbourhood.service.js';
import { PostcodeService } from '../postcode/postcode.service.js';

/** A place and what lies within the radius around it. */
export interface NearArea {
  lat: number;
  lon: number;
  radiusKm: number;
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  /** Neighbourhoods whose centre is within the radius: persons are never placed finer than these. */
  neighbourhoodCodes: string[];
  /** Whether a point lies within the radius (for venues). */
  contains(lat: number, lon: number): boolean;
}

/**
 * "Near" for the browse search (issue 13.3): the same idea as the ranked search, a place and a radius, where
 * the place is a postcode (PC4 centre, PostcodeService) or a neighbourhood (its centre).
 */
@Injectable()
export class NearbyService {
  constructor(
    private readonly postcodes: PostcodeService,
    private readonly neighbourhoods: NeighbourhoodService,
  ) {}

  async resolve(near: NearFilter, field = 'filter.near'): Promise<NearArea> {
    const postcode = near.postcode?.trim();
    const code = near.neighbourhoodCode?.trim();
    if (postcode && code) throw badInput(field, 'Geef een postcode of een buurt, niet allebei');
    if (!postcode && !code) throw badInput(field, 'Geef een postcode of een buurt om in de buurt van te zoeken');
    const radiusKm = near.radiusKm ?? 2;
    if (!(radiusKm >= 0.1 && radiusKm <= 25)) throw badInput(`${field}.radiusKm`, 'De straal moet tussen 0,1 en 25 km liggen');
    let centre: { lat: number; lon: number };
    if (postcode) {
      const found = this.postcodes.lookup(postcode);
      if (!found) throw badInput(`${field}.postcode`, `Postcode ${postcode} is onbekend of geen Nederlandse postcode`);
      centre = { lat: found.lat, lon: found.lon };
    } else {
      const neighbourhood = await this.neighbourhoods.get(assertNeighbourhoodCode(code!, `${field}.neighbourhoodCode`), `${field}.neighbourhoodCode`);
      centre = { lat: neighbourhood.centroidLat, lon: neighbourhood.centroidLon };
    }
    const box = boundingBox(centre.lat, centre.lon, radiusKm);
    const contains = (lat: number, lon: number) => haversineKm(centre.lat, centre.lon, lat, lon) <= radiusKm;
    const neighbourhoodCodes = (await this.neighbourhoods.centroidsWithin(box)).filter((n) => contains(n.lat, n.lon)).map((n) => n.code);
    return { ...centre, radiusKm, box, neighbourhoodCodes, contains };
  }
}
