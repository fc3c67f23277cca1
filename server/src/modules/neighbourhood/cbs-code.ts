/**
 * CBS area codes as CBS defines them (Wijk- en Buurtkaart), in one place for every route: the GeoJSON
 * importer, the GraphQL inputs, the CSV and HSDS imports, the settings and the client (which imports
 * this file; keep it free of imports).
 *
 * - gemeente `GM` + 4 digits (GM0344)
 * - wijk `WK` + the 4 digits of the gemeente + 2 characters (WK034408)
 * - buurt `BU` + the 6 characters of the wijk + 2 characters (BU03440832)
 *
 * Since 2022 the wijk and buurt parts may contain capital letters (Amsterdam: WK0363AA, BU0363AD03);
 * the gemeente part is always digits.
 */
export const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;
export const DISTRICT_CODE_PATTERN = /^WK\d{4}[0-9A-Z]{2}$/;
export const NEIGHBOURHOOD_CODE_PATTERN = /^BU\d{4}[0-9A-Z]{4}$/;

export type CbsCodeKind = 'municipality' | 'district' | 'neighbourhood';

const PATTERNS: Record<CbsCodeKind, RegExp> = {
  municipality: MUNICIPALITY_CODE_PATTERN,
  district: DISTRICT_CODE_PATTERN,
  neighbourhood: NEIGHBOURHOOD_CODE_PATTERN,
};

/** What a code of each kind looks like, in Dutch, for error messages. */
export const CBS_CODE_EXPECTED: Record<CbsCodeKind, string> = {
  municipality: 'GM gevolgd door 4 cijfers, bijvoorbeeld GM0344',
  district: 'WK gevolgd door de 4 cijfers van de gemeente en 2 cijfers of hoofdletters, bijvoorbeeld WK034408 of WK0363AA',
  neighbourhood: 'BU gevolgd door de 4 cijfers van de gemeente en 4 cijfers of hoofdletters, bijvoorbeeld BU03440832 of BU0363AD03',
};

const KIND_NL: Record<CbsCodeKind, string> = { municipality: 'CBS-gemeentecode', district: 'CBS-wijkcode', neighbourhood: 'CBS-buurtcode' };

/** Codes are compared in upper case without surrounding spaces. */
export const normaliseCbsCode = (input: string): string => input.trim().toUpperCase();

/** The normalised code when it is a well-formed code of that kind, otherwise null. */
export function cbsCode(kind: CbsCodeKind, input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const code = normaliseCbsCode(input);
  return PATTERNS[kind].test(code) ? code : null;
}

export const isNeighbourhoodCode = (input: unknown): boolean => cbsCode('neighbourhood', input) !== null;
export const isDistrictCode = (input: unknown): boolean => cbsCode('district', input) !== null;
export const isMunicipalityCode = (input: unknown): boolean => cbsCode('municipality', input) !== null;

/** The kind of a well-formed code, or null. */
export function cbsCodeKind(input: unknown): CbsCodeKind | null {
  for (const kind of ['neighbourhood', 'district', 'municipality'] as const) if (cbsCode(kind, input) !== null) return kind;
  return null;
}

/**
 * The gemeentecode a (possibly malformed) BU/WK/GM code starts with, or null: used to sort a feature
 * to its municipality before it is validated, so one bad feature of another municipality is not ours.
 */
export function municipalityCodeOf(input: string): string | null {
  const match = /^(?:BU|WK|GM)(\d{4})/.exec(normaliseCbsCode(input));
  return match ? `GM${match[1]}` : null;
}

/** The wijkcode of a well-formed buurtcode (BU0363AD03 → WK0363AD). */
export const districtCodeOf = (neighbourhoodCode: string): string => `WK${normaliseCbsCode(neighbourhoodCode).slice(2, 8)}`;

/** The Dutch message for a code that is not of the kind asked: names the value and what is expected. */
export const invalidCbsCodeMessage = (kind: CbsCodeKind, input: string): string =>
  `'${input}' is geen geldige ${KIND_NL[kind]}: verwacht ${CBS_CODE_EXPECTED[kind]}`;

/** The attribution CBS boundaries need wherever they are shown (CC BY 4.0). */
export const CBS_BOUNDARY_ATTRIBUTION = 'Bron: CBS / Kadaster, Wijk- en Buurtkaart 2024';
