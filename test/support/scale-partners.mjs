// A directory at scale for the map test and the Lighthouse figures: 10,000 more persons and 2,000 more organisations
// than the demo data, written straight into a server's SQLite file (copies of a demo row with new ids, spread over
// Utrecht's neighbourhoods). The change feed's triggers record the rows, so a running server picks them up too.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

export const EXTRA_PERSONS = 10_000;
export const EXTRA_ORGANISATIONS = 2_000;

/** Adds the partners; returns how many of each. */
export function addScalePartners(databaseFile, persons = EXTRA_PERSONS, organisations = EXTRA_ORGANISATIONS) {
  const db = new Database(databaseFile);
  db.pragma('busy_timeout = 10000');
  const codes = db.prepare(`SELECT code, centroidLat AS lat, centroidLon AS lon FROM neighbourhood WHERE code LIKE 'BU0344%'`).all();
  const person = db.prepare('SELECT * FROM person LIMIT 1').get();
  const organisation = db.prepare('SELECT * FROM organisation LIMIT 1').get();
  const insert = (table, row) => {
    const columns = Object.keys(row);
    return db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  };
  const personInsert = insert('person', person);
  const organisationInsert = insert('organisation', organisation);
  const placed = db.prepare('INSERT INTO person_neighbourhood ("personId", "neighbourhoodCode") VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < persons; i++) {
      const id = randomUUID();
      personInsert.run({ ...person, id, name: `Schaalpersoon ${i}`, externalId: null, isDemo: 0 });
      placed.run(id, codes[i % codes.length].code);
    }
    for (let i = 0; i < organisations; i++) {
      const at = codes[(i * 7) % codes.length];
      organisationInsert.run({
        ...organisation,
        id: randomUUID(),
        name: `Schaalorganisatie ${i}`,
        externalId: null,
        isDemo: 0,
        lat: at.lat + ((i % 13) - 6) * 0.0004,
        lon: at.lon + ((i % 11) - 5) * 0.0006,
      });
    }
  })();
  db.close();
  return { persons, organisations };
}
