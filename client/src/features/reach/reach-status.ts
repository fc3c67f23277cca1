import type { GapStatus } from '../../generated/graphql';

/** Colours with enough contrast for white text, and a shape so colour is never the only cue. */
export const STATUS_COLOUR: Record<GapStatus, string> = { RED: '#b3261e', AMBER: '#8a5300', GREEN: '#1e6b34', NONE: '#6b6b6b' };
export const STATUS_MARK: Record<GapStatus, string> = { RED: '✕', AMBER: '!', GREEN: '✓', NONE: '·' };

/** The matrix as CSV for a spreadsheet (';', BOM): one row per area, one column per group, the status in words. */
export function matrixCsv(
  areas: readonly { code: string; name: string }[],
  groups: readonly { key: string; name: string }[],
  statusOf: (areaCode: string, groupKey: string) => string,
  areaLabel: string,
): string {
  const quote = (value: string) => (/[";\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);
  const lines = [[`${areaLabel} (code)`, areaLabel, ...groups.map((g) => g.name)].map(quote).join(';')];
  for (const area of areas) lines.push([area.code, area.name, ...groups.map((g) => statusOf(area.code, g.key))].map(quote).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
