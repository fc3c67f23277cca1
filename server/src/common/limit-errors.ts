/**
 * graphql-armor reports its limits in English, dressed as syntax errors ("Syntax Error: Query Cost
 * limit of 5000 exceeded, found 5001.5."). Clients and people get a Dutch message that says which
 * limit it is, how far over, and what to do; the numbers also go into `extensions` for programs.
 */
const ARMOR_LIMITS = [
  {
    pattern: /^Syntax Error: Query Cost limit of (\d+) exceeded, found ([\d.]+)\.$/,
    limit: 'maxCost',
    text: (max: number, found: number) =>
      `De query is te zwaar: kosten ${found}, hoogstens ${max}. Vraag minder velden op, of minder diep genest, of verdeel de vraag over meer verzoeken.`,
  },
  {
    pattern: /^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'maxDepth',
    text: (max: number, found: number) => `De query is te diep genest: ${found} niveaus, hoogstens ${max}.`,
  },
  {
    pattern: /^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'maxAliases',
    text: (max: number, found: number) => `De query gebruikt te veel aliassen: ${found}, hoogstens ${max}.`,
  },
  {
    pattern: /^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)\.$/,
    limit: 'maxDirectives',
    text: (max: number, found: number) => `De query gebruikt te veel directives: ${found}, hoogstens ${max}.`,
  },
] as const;

export interface LimitError {
  message: string;
  extensions: { field: 'query'; limit: string; max: number; found: number };
}

/** The Dutch form of a graphql-armor limit message, or null when the message is not one. */
export function limitError(message: string): LimitError | null {
  for (const { pattern, limit, text } of ARMOR_LIMITS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const max = Number(match[1]);
    // Costs are fractional (1.5 per level of nesting); round up so "found" is always over "max".
    const found = Math.ceil(Number(match[2]));
    return { message: text(max, found), extensions: { field: 'query', limit, max, found } };
  }
  return null;
}

/** The refusal of common/query-cost.ts, in the words of graphql-armor's cost limit above. */
export function costLimitError(max: number, found: number): LimitError {
  return { message: ARMOR_LIMITS[0].text(max, found), extensions: { field: 'query', limit: 'maxCost', max, found } };
}
