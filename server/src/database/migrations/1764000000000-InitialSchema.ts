import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

// Built with TypeORM's Table API rather than raw SQL, so the same migration runs on SQLite and PostgreSQL.
const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const nullableVarchar = (name: string, length: number) => varchar(name, length, { isNullable: true });
const bool = (name: string, isNullable = false): TableColumnOptions =>
  isNullable ? { name, type: 'boolean', isNullable } : { name, type: 'boolean', default: false };
const double = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });

/** Columns of RecordBase. */
const recordColumns: TableColumnOptions[] = [
  varchar('id', 36, { isPrimary: true }),
  nullableVarchar('externalId', 100),
  bool('isDemo'),
  nullableVarchar('lastVerifiedOn', 10),
  nullableVarchar('archivedAt', 30),
  varchar('createdAt', 30),
  varchar('updatedAt', 30),
];

/** Primary key of each table that join tables point at. */
const keyOf: Record<string, string> = { neighbourhood: 'code', language: 'code', community: 'code', organisation: 'id', person: 'id', team: 'id' };

function joinTable(name: string, left: [string, string, number], right: [string, string, number]): Table {
  const [leftCol, leftTable, leftLen] = left;
  const [rightCol, rightTable, rightLen] = right;
  return new Table({
    name,
    columns: [varchar(leftCol, leftLen, { isPrimary: true }), varchar(rightCol, rightLen, { isPrimary: true })],
    foreignKeys: [
      { columnNames: [leftCol], referencedTableName: leftTable, referencedColumnNames: [keyOf[leftTable]], onDelete: 'CASCADE' },
      { columnNames: [rightCol], referencedTableName: rightTable, referencedColumnNames: [keyOf[rightTable]], onDelete: 'CASCADE' },
    ],
    indices: [{ columnNames: [rightCol] }],
  });
}

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'district',
        columns: [
          varchar('code', 8, { isPrimary: true }),
          varchar('name', 200),
          varchar('municipalityCode', 6),
          varchar('municipalityName', 200),
          text('geometryJson', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'neighbourhood',
        columns: [
          varchar('code', 10, { isPrimary: true }),
          varchar('name', 200),
          varchar('districtCode', 8),
          varchar('municipalityCode', 6),
          varchar('municipalityName', 200),
          text('geometryJson'),
          double('centroidLat'),
          double('centroidLon'),
          { name: 'boundaryApproximate', type: 'boolean', default: true },
          varchar('boundarySource', 300),
        ],
        foreignKeys: [{ columnNames: ['districtCode'], referencedTableName: 'district', referencedColumnNames: ['code'] }],
        indices: [{ columnNames: ['districtCode'] }, { columnNames: ['municipalityCode'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'language',
        columns: [varchar('code', 3, { isPrimary: true }), nullableVarchar('iso6391', 2), varchar('nameNl', 100), varchar('nameEn', 100)],
        indices: [{ columnNames: ['iso6391'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community',
        columns: [varchar('code', 40, { isPrimary: true }), varchar('nameNl', 100), varchar('nameEn', 100)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'organisation',
        columns: [
          ...recordColumns,
          varchar('name', 200),
          varchar('kind', 40),
          text('description', true),
          nullableVarchar('website', 300),
          nullableVarchar('phone', 30),
          nullableVarchar('email', 200),
          nullableVarchar('address', 300),
          nullableVarchar('postcode', 7),
          nullableVarchar('city', 100),
          double('lat', true),
          double('lon', true),
        ],
        indices: [{ columnNames: ['name'] }, { columnNames: ['lat'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team',
        columns: [
          ...recordColumns,
          varchar('name', 200),
          varchar('kind', 40),
          varchar('municipalityCode', 6),
          nullableVarchar('phone', 30),
          nullableVarchar('email', 200),
        ],
        indices: [{ columnNames: ['name'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person',
        columns: [
          ...recordColumns,
          varchar('name', 200),
          bool('isKeyPerson'),
          bool('isInterpreter'),
          bool('interpreterFormal', true),
          nullableVarchar('registrationNumber', 20),
          bool('isContactPerson'),
          bool('trainedKeyPerson'),
          bool('volunteerContract'),
          nullableVarchar('phone', 30),
          nullableVarchar('email', 200),
          nullableVarchar('organisationId', 36),
          nullableVarchar('teamId', 36),
          text('topics'),
          varchar('availability', 20, { default: "'AVAILABLE'" }),
          nullableVarchar('availabilityNote', 500),
          varchar('consentGivenOn', 10),
          varchar('consentMethod', 20),
          varchar('consentRecordedBy', 200),
        ],
        foreignKeys: [
          { columnNames: ['organisationId'], referencedTableName: 'organisation', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
          { columnNames: ['teamId'], referencedTableName: 'team', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [
          { columnNames: ['name'] },
          { columnNames: ['isKeyPerson'] },
          { columnNames: ['isInterpreter'] },
          { columnNames: ['organisationId'] },
          { columnNames: ['teamId'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person_language',
        columns: [varchar('personId', 36, { isPrimary: true }), varchar('languageCode', 3, { isPrimary: true }), varchar('level', 10)],
        foreignKeys: [
          { columnNames: ['personId'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['languageCode'], referencedTableName: 'language', referencedColumnNames: ['code'] },
        ],
        indices: [{ columnNames: ['languageCode'] }],
      }),
    );
    await q.createTable(joinTable('organisation_language', ['organisationId', 'organisation', 36], ['languageCode', 'language', 3]));
    await q.createTable(joinTable('organisation_community', ['organisationId', 'organisation', 36], ['communityCode', 'community', 40]));
    await q.createTable(joinTable('organisation_neighbourhood', ['organisationId', 'organisation', 36], ['neighbourhoodCode', 'neighbourhood', 10]));
    await q.createTable(joinTable('person_community', ['personId', 'person', 36], ['communityCode', 'community', 40]));
    await q.createTable(joinTable('person_neighbourhood', ['personId', 'person', 36], ['neighbourhoodCode', 'neighbourhood', 10]));
    await q.createTable(joinTable('team_neighbourhood', ['teamId', 'team', 36], ['neighbourhoodCode', 'neighbourhood', 10]));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'team_neighbourhood',
      'person_neighbourhood',
      'person_community',
      'organisation_neighbourhood',
      'organisation_community',
      'organisation_language',
      'person_language',
      'person',
      'team',
      'organisation',
      'community',
      'language',
      'neighbourhood',
      'district',
    ]) {
      await q.dropTable(table);
    }
  }
}
