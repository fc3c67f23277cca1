import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

// Registry (issue 3): fixed contact persons, partnership agreements, walk-in hours.
// TypeORM Table API so the same migration runs on SQLite and PostgreSQL.
const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const nullableVarchar = (name: string, length: number) => varchar(name, length, { isNullable: true });
const text = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'text', isNullable });

const recordColumns: TableColumnOptions[] = [
  varchar('id', 36, { isPrimary: true }),
  nullableVarchar('externalId', 100),
  { name: 'isDemo', type: 'boolean', default: false },
  nullableVarchar('lastVerifiedOn', 10),
  nullableVarchar('archivedAt', 30),
  varchar('createdAt', 30),
  varchar('updatedAt', 30),
];

const fk = (column: string, table: string, key = 'id', onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'RESTRICT') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [key],
  onDelete,
});

export class Registry1764000200000 implements MigrationInterface {
  name = 'Registry1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'contact_assignment',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('partyType', 20),
          nullableVarchar('teamId', 36),
          nullableVarchar('organisationId', 36),
          varchar('personId', 36),
          varchar('since', 30),
          nullableVarchar('until', 30),
          nullableVarchar('note', 500),
          { name: 'isDemo', type: 'boolean', default: false },
          varchar('createdAt', 30),
        ],
        foreignKeys: [fk('teamId', 'team'), fk('organisationId', 'organisation'), fk('personId', 'person')],
        indices: [
          { columnNames: ['teamId'] },
          { columnNames: ['organisationId'] },
          { columnNames: ['personId'] },
          // Exactly one current contact per party, enforced by the database as well as the service.
          { name: 'UQ_contact_assignment_current_team', columnNames: ['teamId'], isUnique: true, where: '"until" IS NULL AND "teamId" IS NOT NULL' },
          {
            name: 'UQ_contact_assignment_current_org',
            columnNames: ['organisationId'],
            isUnique: true,
            where: '"until" IS NULL AND "organisationId" IS NOT NULL',
          },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'agreement',
        columns: [
          ...recordColumns,
          varchar('title', 200),
          varchar('type', 30),
          varchar('status', 10),
          varchar('teamId', 36),
          nullableVarchar('organisationId', 36),
          nullableVarchar('personId', 36),
          nullableVarchar('teamContactPersonId', 36),
          nullableVarchar('partnerContactPersonId', 36),
          text('teamCommitment'),
          text('partnerCommitment'),
          text('appreciate'),
          text('inform'),
          text('facilitate'),
          text('align'),
          nullableVarchar('volunteerCompensation', 300),
          varchar('startsOn', 10),
          nullableVarchar('reviewOn', 10),
          nullableVarchar('endsOn', 10),
          nullableVarchar('endReason', 500),
        ],
        foreignKeys: [
          fk('teamId', 'team'),
          fk('organisationId', 'organisation'),
          fk('personId', 'person'),
          fk('teamContactPersonId', 'person'),
          fk('partnerContactPersonId', 'person'),
        ],
        indices: [{ columnNames: ['teamId'] }, { columnNames: ['organisationId'] }, { columnNames: ['personId'] }, { columnNames: ['status'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agreement_neighbourhood',
        columns: [varchar('agreementId', 36, { isPrimary: true }), varchar('neighbourhoodCode', 10, { isPrimary: true })],
        foreignKeys: [fk('agreementId', 'agreement', 'id', 'CASCADE'), fk('neighbourhoodCode', 'neighbourhood', 'code', 'CASCADE')],
        indices: [{ columnNames: ['neighbourhoodCode'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'activity',
        columns: [
          ...recordColumns,
          varchar('name', 200),
          text('description'),
          { name: 'weekday', type: 'integer' },
          varchar('startTime', 5),
          varchar('endTime', 5),
          varchar('validFrom', 10),
          nullableVarchar('validUntil', 10),
          varchar('venueName', 200),
          nullableVarchar('venueAddress', 300),
          varchar('neighbourhoodCode', 10),
          nullableVarchar('organisationId', 36),
          nullableVarchar('agreementId', 36),
        ],
        foreignKeys: [fk('neighbourhoodCode', 'neighbourhood', 'code'), fk('organisationId', 'organisation'), fk('agreementId', 'agreement')],
        indices: [{ columnNames: ['neighbourhoodCode'] }, { columnNames: ['organisationId'] }, { columnNames: ['agreementId'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_language',
        columns: [varchar('activityId', 36, { isPrimary: true }), varchar('languageCode', 3, { isPrimary: true })],
        foreignKeys: [fk('activityId', 'activity', 'id', 'CASCADE'), fk('languageCode', 'language', 'code', 'CASCADE')],
        indices: [{ columnNames: ['languageCode'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['activity_language', 'activity', 'agreement_neighbourhood', 'agreement', 'contact_assignment']) {
      await q.dropTable(table);
    }
  }
}
