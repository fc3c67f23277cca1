import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored text in the form every write route now stores it (issue 10, defect 9): NFC, and without
 * zero-width characters in single-line text, so that "René" (decomposed) and "Fa\u200btima" already in
 * the database are found by a search for "René" and "Fatima". Rows already in that form are left alone.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const TEXT: Record<string, { single: string[]; multi: string[] }> = {
  person: { single: ['name', 'registrationNumber', 'consentRecordedBy', 'email', 'externalId'], multi: ['availabilityNote'] },
  organisation: { single: ['name', 'address', 'city', 'website', 'email', 'externalId'], multi: ['description'] },
  team: { single: ['name'], multi: [] },
};

export class NormaliseText1764001200000 implements MigrationInterface {
  name = 'NormaliseText1764001200000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, { single, multi }] of Object.entries(TEXT)) {
      const columns = [...single, ...multi];
      const rows: Record<string, string | null>[] = await q.manager
        .createQueryBuilder()
        .select(['id', ...columns].map((c) => `"t"."${c}" AS "${c}"`))
        .from(table, 't')
        .getRawMany();
      for (const row of rows) {
        const changes: Record<string, string> = {};
        for (const c of columns) {
          const value = row[c];
          if (typeof value !== 'string') continue;
          const clean = single.includes(c) ? value.normalize('NFC').replace(ZERO_WIDTH, '').trim() : value.normalize('NFC');
          if (clean !== value && clean !== '') changes[c] = clean;
        }
        if (Object.keys(changes).length) await q.manager.createQueryBuilder().update(table).set(changes).where('id = :id', { id: row.id }).execute();
      }
    }
  }

  async down(): Promise<void> {
    // The normal form is the same text; there is nothing to undo.
  }
}
