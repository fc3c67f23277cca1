import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { CAPABILITY_SEED } from '../../modules/capability/capability-seed.js';
import { PARTNER_TABLES, SHARED_TABLES } from './1764001000000-DirectoryChange.js';

/** The communities of the first version with their usual languages: seeded once, administered in the product after. */
const COMMUNITY_SEED: [string, string, string, string[]][] = [
  ['somali', 'Somalische gemeenschap', 'Somali community', ['som']],
  ['eritrean', 'Eritrese gemeenschap', 'Eritrean community', ['tir']],
  ['ethiopian', 'Ethiopische gemeenschap', 'Ethiopian community', ['amh', 'orm']],
  ['moroccan', 'Marokkaanse gemeenschap', 'Moroccan community', ['ary', 'rif']],
  ['turkish', 'Turkse gemeenschap', 'Turkish community', ['tur']],
  ['kurdish', 'Koerdische gemeenschap', 'Kurdish community', ['kmr', 'ckb']],
  ['afghan', 'Afghaanse gemeenschap', 'Afghan community', ['prs', 'pus']],
  ['iranian', 'Iraanse gemeenschap', 'Iranian community', ['fas']],
  ['polish', 'Poolse gemeenschap', 'Polish community', ['pol']],
  ['syrian', 'Syrische gemeenschap', 'Syrian community', ['apc', 'ara']],
  ['iraqi', 'Iraakse gemeenschap', 'Iraqi community', ['acm', 'ara']],
  ['antillean', 'Antilliaanse gemeenschap', 'Antillean community', ['pap']],
  ['surinamese', 'Surinaamse gemeenschap', 'Surinamese community', ['srn', 'hns']],
  ['bulgarian', 'Bulgaarse gemeenschap', 'Bulgarian community', ['bul']],
  ['romanian', 'Roemeense gemeenschap', 'Romanian community', ['ron']],
  ['ghanaian', 'Ghanese gemeenschap', 'Ghanaian community', ['twi']],
];

const profileColumns = (): TableColumn[] => [
  new TableColumn({ name: 'capabilities', type: 'text', default: "''" }),
  new TableColumn({ name: 'wishes', type: 'text', default: "''" }),
  new TableColumn({ name: 'wishesNote', type: 'varchar', length: '1000', isNullable: true }),
  new TableColumn({ name: 'standing', type: 'varchar', length: '10', default: "'UNKNOWN'" }),
  new TableColumn({ name: 'standingNote', type: 'varchar', length: '1000', isNullable: true }),
  new TableColumn({ name: 'standingJudgedBy', type: 'varchar', length: '200', isNullable: true }),
  new TableColumn({ name: 'standingJudgedOn', type: 'varchar', length: '10', isNullable: true }),
];

/**
 * Profile depth (issue 15): what a partner can take on (a managed capability list), wishes and needs,
 * draagvlak; key persons' training date, volunteer contract, compensation, supporter and paid role;
 * interpreters' kind (formal, fallback list, informal), Rbtv level, registration end and modes;
 * communities become a managed list (retired values stay on old records).
 */
export class ProfileDepth1764002400000 implements MigrationInterface {
  name = 'ProfileDepth1764002400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'capability',
        columns: [
          { name: 'code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'nameNl', type: 'varchar', length: '100' },
          { name: 'nameEn', type: 'varchar', length: '100' },
          { name: 'retiredAt', type: 'varchar', length: '30', isNullable: true },
        ],
      }),
    );
    for (const c of CAPABILITY_SEED) {
      await q.query(`INSERT INTO capability (code, "nameNl", "nameEn") VALUES (${[1, 2, 3].map((i) => param(q, i)).join(', ')})`, [c.code, c.nameNl, c.nameEn]);
    }
    await addColumns(q, 'community', [new TableColumn({ name: 'retiredAt', type: 'varchar', length: '30', isNullable: true })]);
    // An installation without the communities yet gets them (the demo loader skips the ones present).
    for (const [code, nameNl, nameEn, languages] of COMMUNITY_SEED) {
      const present = await q.query(`SELECT code FROM community WHERE code = ${param(q, 1)}`, [code]);
      if (present.length) continue;
      await q.query(`INSERT INTO community (code, "nameNl", "nameEn") VALUES (${[1, 2, 3].map((i) => param(q, i)).join(', ')})`, [code, nameNl, nameEn]);
      for (const language of languages) {
        await q.query(`INSERT INTO community_language ("communityCode", "languageCode") VALUES (${param(q, 1)}, ${param(q, 2)})`, [code, language]);
      }
    }

    await addColumns(q, 'organisation', [...profileColumns(), new TableColumn({ name: 'topics', type: 'text', default: "''" })]);
    await addColumns(q, 'person', [
      ...profileColumns(),
      new TableColumn({ name: 'trainedOn', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'volunteerContractStartsOn', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'volunteerContractEndsOn', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'compensationAmount', type: 'double precision', isNullable: true }),
      new TableColumn({ name: 'compensationPeriod', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'supportedBy', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'paidRole', type: 'boolean', default: false }),
      new TableColumn({ name: 'interpreterKind', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'interpreterLevel', type: 'varchar', length: '2', isNullable: true }),
      new TableColumn({ name: 'registrationEndsOn', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'interpreterModes', type: 'text', default: "''" }),
    ]);
    await q.query(
      `UPDATE person SET "interpreterKind" = CASE WHEN "interpreterFormal" = TRUE THEN 'FORMAL' ELSE 'INFORMAL' END WHERE "isInterpreter" = TRUE AND "interpreterFormal" IS NOT NULL`,
    );
    if (q.connection.options.type !== 'postgres') await restoreSqliteTriggers(q);
    // One Rbtv number, one interpreter (NULLs do not collide in either database).
    await q.createIndex('person', new TableIndex({ name: 'UQ_person_registrationNumber', columnNames: ['registrationNumber'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('person', 'UQ_person_registrationNumber');
    for (const c of [
      'trainedOn',
      'volunteerContractStartsOn',
      'volunteerContractEndsOn',
      'compensationAmount',
      'compensationPeriod',
      'supportedBy',
      'paidRole',
      'interpreterKind',
      'interpreterLevel',
      'registrationEndsOn',
      'interpreterModes',
    ])
      await q.dropColumn('person', c);
    for (const c of profileColumns()) {
      await q.dropColumn('person', c.name);
      await q.dropColumn('organisation', c.name);
    }
    await q.dropColumn('organisation', 'topics');
    await q.dropColumn('community', 'retiredAt');
    await q.dropTable('capability');
  }
}

/**
 * SQLite: plain ALTER TABLE ADD COLUMN. TypeORM's addColumn rebuilds the table there (copy, drop,
 * rename), which silently drops its triggers, and the change feed (1764001000000-DirectoryChange)
 * lives in triggers on person, organisation and community.
 */
async function addColumns(q: QueryRunner, table: string, columns: TableColumn[]): Promise<void> {
  if (q.connection.options.type === 'postgres') return q.addColumns(table, columns);
  for (const c of columns) {
    const type = c.length ? `${c.type}(${c.length})` : c.type;
    const rest = c.isNullable ? '' : ` NOT NULL DEFAULT ${c.default}`;
    await q.query(`ALTER TABLE "${table}" ADD COLUMN "${c.name}" ${type}${rest}`);
  }
}

/**
 * The change-feed triggers an earlier table rebuild may have dropped on SQLite (1764001600000 added a
 * column to organisation with addColumn): created again where missing, exactly as 1764001000000 made them.
 */
async function restoreSqliteTriggers(q: QueryRunner): Promise<void> {
  for (const { table, kind, key } of PARTNER_TABLES) {
    await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_insert" AFTER INSERT ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', NEW."${key}"); END`);
    await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_update" AFTER UPDATE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") SELECT '${kind}', OLD."${key}" UNION SELECT '${kind}', NEW."${key}"; END`);
    await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_delete" AFTER DELETE ON "${table}" BEGIN
          INSERT INTO "directory_change" ("kind", "partnerId") VALUES ('${kind}', OLD."${key}"); END`);
  }
  for (const table of SHARED_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      await q.query(`CREATE TRIGGER IF NOT EXISTS "directory_change_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN
            INSERT INTO "directory_change" ("kind") VALUES ('ALL'); END`);
    }
  }
}

function param(q: QueryRunner, i: number): string {
  return q.connection.options.type === 'postgres' ? `$${i}` : '?';
}
