/**
 * A record as the audit log keeps it: its own columns, with relations reduced to their codes or ids
 * (a neighbourhood's geometry does not belong in every audit entry).
 */
export function auditView(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      out[key] = value.map((item) => {
        if (!item || typeof item !== 'object') return item;
        const row = item as Record<string, unknown>;
        if (row.languageCode && row.level) return `${row.languageCode}:${row.level}`;
        return row.code ?? row.id ?? null;
      });
    } else if (value === null || typeof value !== 'object') {
      out[key] = value;
    }
  }
  return out;
}

/** Copies the given (not undefined) fields of `changes` onto `target`. */
export function applyChanges<T extends object>(target: T, changes: Partial<T>, fields: readonly (keyof T)[]): void {
  for (const field of fields) {
    const value = changes[field];
    if (value !== undefined) target[field] = value as T[keyof T];
  }
}
