import { createReadStream } from 'node:fs';
import type { Feature } from 'geojson';
import { CbsFileError } from './cbs-geojson.js';

const OPEN_BRACE = 123,
  CLOSE_BRACE = 125,
  OPEN_BRACKET = 91,
  CLOSE_BRACKET = 93,
  QUOTE = 34,
  BACKSLASH = 92;

/**
 * The features of a GeoJSON FeatureCollection file, one at a time, without holding the file in memory:
 * the national CBS files run to hundreds of megabytes at full resolution. A small scanner tracks string
 * and nesting state, finds the top-level "features" array and hands each element to JSON.parse.
 */
export async function* readGeoJsonFeatures(path: string): AsyncGenerator<Feature> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Text of the last string at depth 1 (a top-level key). */
  let lastKey = '';
  let keyStart = -1;
  let keyBuffer = '';
  let inFeatures = false;
  let sawFeatures = false;
  let pending = '';
  let featureStart: number;
  let sawCollection = false;

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    featureStart = inFeatures && depth >= 3 ? 0 : -1;
    if (keyStart >= 0) keyStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 1 && keyStart >= 0) {
            lastKey = keyBuffer + chunk.slice(keyStart, i);
            keyStart = -1;
            keyBuffer = '';
          }
        }
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        if (depth === 1) {
          keyStart = i + 1;
          keyBuffer = '';
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (depth === 0 && c === OPEN_BRACE) sawCollection = true;
        if (depth === 1 && c === OPEN_BRACKET && lastKey === 'features') inFeatures = sawFeatures = true;
        depth++;
        if (inFeatures && depth === 3) featureStart = i;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (inFeatures && depth === 2 && featureStart >= 0) {
          const text = pending + chunk.slice(featureStart, i + 1);
          pending = '';
          featureStart = -1;
          try {
            yield JSON.parse(text) as Feature;
          } catch (e) {
            throw new CbsFileError([`het bestand is geen geldige JSON (${(e as Error).message})`]);
          }
        } else if (inFeatures && depth === 1) inFeatures = false;
      }
    }
    if (featureStart >= 0) pending += chunk.slice(featureStart);
    if (keyStart >= 0) keyBuffer += chunk.slice(keyStart);
  }
  if (!sawCollection || !sawFeatures) throw new CbsFileError(['het bestand is geen GeoJSON FeatureCollection']);
  if (depth !== 0 || inString) throw new CbsFileError(['het bestand is geen geldige JSON (het houdt halverwege op)']);
}
