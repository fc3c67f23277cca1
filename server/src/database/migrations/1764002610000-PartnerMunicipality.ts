import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, a region: organisations and agreements belong to a municipality. An agreement to its
 * team's; an organisation to the municipality of most of the buurten it serves (then of its agreements).
 * ALTER TABLE ADD COLUMN on both databases: on SQLite, TypeORM's addColumn rebuilds the table, which
 * would drop the change-feed triggers on organisation.
 */
export class PartnerMunicipality1764002610000 implements MigrationInterface {
  name = 'PartnerMunicipality1764002610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organisation" ADD COLUMN "municipalityCode" varchar(6)`);
    await q.query(`ALTER TABLE "agreement" ADD COLUMN "municipalityCode" varchar(6)`);
    await q.query(`UPDATE "agreement" SET "municipalityCode" = (SELECT "t"."municipalityCode" FROM "team" "t" WHERE "t"."id" = "agreement"."teamId")`);
    // The same expression as ORGANISATION_MUNICIPALITY_SQL (neighbourhood/municipality-scope.ts) had when this was written.
    await q.query(`UPDATE "organisation" SET "municipalityCode" = COALESCE(
      (SELECT "n"."municipalityCode" FROM "organisation_neighbourhood" "onb" INNER JOIN "neighbourhood" "n" ON "n"."code" = "onb"."neighbourhoodCode"
        WHERE "onb"."organisationId" = "organisation"."id" GROUP BY "n"."municipalityCode" ORDER BY COUNT(*) DESC, "n"."municipalityCode" LIMIT 1),
      (SELECT MIN("a"."municipalityCode") FROM "agreement" "a" WHERE "a"."organisationId" = "organisation"."id"))`);
    await q.query(`CREATE INDEX "IDX_organisation_municipality" ON "organisation" ("municipalityCode")`);
    await q.query(`CREATE INDEX "IDX_agreement_municipality" ON "agreement" ("municipalityCode")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_agreement_municipality"`);
    await q.query(`DROP INDEX "IDX_organisation_municipality"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "municipalityCode"`);
    await q.query(`ALTER TABLE "organisation" DROP COLUMN "municipalityCode"`);
  }
}
