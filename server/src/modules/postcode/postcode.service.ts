import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { projectRoot } from '../../config.js';

export interface PostcodePoint {
  /** The four digits of the postcode area (PC4). */
  pc4: string;
  lat: number;
  lon: number;
}

/** Attribution of the shipped PC4 centroids (CC BY 4.0), shown wherever a position comes from them. */
export const POSTCODE_ATTRIBUTION = 'Postcodecoördinaten: GeoNames (www.geonames.org), CC BY 4.0';

interface CentroidFile {
  data: Record<string, { lat: number; lon: number }>;
}

let table: Map<string, { lat: number; lon: number }> | null = null;

/** The shipped table, read once per process (4,069 entries, about 250 kB). */
function centroids(): Map<string, { lat: number; lon: number }> {
  if (!table) {
    const file = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'postcodes', 'pc4-centroids.json'), 'utf8')) as CentroidFile;
    table = new Map(Object.entries(file.data).map(([pc4, p]) => [pc4, { lat: p.lat, lon: p.lon }]));
  }
  return table;
}

/** The PC4 part of a Dutch postcode ("3511 AB", "3511ab", "3511"), or null when the text is not one. */
export function pc4Of(postcode: string): string | null {
  const match = /^\s*([1-9]\d{3})\s*(?:[A-Za-z]{2})?\s*$/.exec(postcode);
  return match ? match[1] : null;
}

/** The first Dutch postcode inside a free-text address ("Kanaleneiland 12, 3526 AB Utrecht"), as PC4. */
export function pc4InAddress(address: string): string | null {
  const match = /\b([1-9]\d{3})\s?[A-Za-z]{2}\b/.exec(address) ?? /\b([1-9]\d{3})\b/.exec(address);
  return match ? match[1] : null;
}

/**
 * Approximate positions of Dutch postcode areas (PC4 centroids from GeoNames, shipped in
 * seeds/postcodes/): good enough to place a venue on the map or to search near a postcode, never a
 * precise geocode. See seeds/postcodes/ and ../shared/data/SOURCE.md for the source.
 */
@Injectable()
export class PostcodeService {
  /** The centroid of the postcode's PC4 area, or null when the postcode is malformed or unknown. */
  lookup(postcode: string): PostcodePoint | null {
    const pc4 = pc4Of(postcode) ?? pc4InAddress(postcode);
    if (!pc4) return null;
    const point = centroids().get(pc4);
    return point ? { pc4, ...point } : null;
  }

  get attribution(): string {
    return POSTCODE_ATTRIBUTION;
  }
}
