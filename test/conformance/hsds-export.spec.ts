import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, UserRole } from '../../server/src/modules/auth/actor.js';
import { HsdsExportService } from '../../server/src/modules/exchange/hsds/hsds-export.service.js';
import { sharedPath } from '../support/shared.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The official HSDS 3.1 schemas, read from ../shared (never copied into the project).
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (a: Ajv) => void;
addFormats(ajv);
const validateOrganization = ajv.compile(JSON.parse(readFileSync(sharedPath('hsds', 'organization.json'), 'utf8')));
const validateService = ajv.compile(JSON.parse(readFileSync(sharedPath('hsds', 'service.json'), 'utf8')));
const admin: Actor = { userId: '00000000-0000-4000-8000-000000000001', email: 'beheerder@example.org', role: UserRole.ADMINISTRATOR, teamIds: [] };

let server: TestServer;
beforeAll(async () => {
  // The public export (ANONYMOUS_READ=true) over HTTP; the signed-in export, with persons, through the service below.
  server = await startTestServer({ seed: true, config: { anonymousRead: true } });
});
afterAll(() => server?.close());

async function everything(path: string, headers: Record<string, string> = {}): Promise<any[]> {
  const all: any[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${server.url}${path}?page=${page}&per_page=200`, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { contents: any[]; last_page: boolean };
    all.push(...body.contents);
    if (body.last_page) return all;
  }
}

const errorsOf = (validate: typeof validateOrganization, items: any[]) =>
  items.filter((item) => !validate(item)).map((item) => `${item.id} ${item.name}: ${ajv.errorsText(validate.errors)}`);

describe('HSDS 3.1 export of the full demo data set', () => {
  it('every organization over GET /hsds/organizations validates against organization.json', async () => {
    const organizations = await everything('/hsds/organizations');
    expect(organizations.length).toBeGreaterThanOrEqual(42 + 25);
    expect(errorsOf(validateOrganization, organizations)).toEqual([]);
  });

  it('every service over GET /hsds/services validates against service.json', async () => {
    const services = await everything('/hsds/services');
    expect(services.length).toBeGreaterThanOrEqual(67);
    expect(errorsOf(validateService, services)).toEqual([]);
  });

  it('with persons (a signed-in export), every organization and service still validates', async () => {
    const hsds = server.app.get(HsdsExportService);
    const organizations = (await hsds.listOrganizations(admin, { per_page: 200 })).contents;
    const services = [];
    for (let page = 1; ; page++) {
      const result = await hsds.listServices(admin, { page, per_page: 200 });
      services.push(...result.contents);
      if (result.last_page) break;
    }
    expect(services.length).toBeGreaterThan(67 + 70);
    expect(organizations.flatMap((o: any) => o.services.flatMap((s: any) => s.contacts)).length).toBeGreaterThan(100);
    // Walk-in hours (schedules), agreements (services with afspraak_soort) and fixed contact persons are in what is validated.
    expect(services.flatMap((s: any) => s.schedules).length).toBe(13);
    expect(services.filter((s: any) => s.attributes.some((a: any) => a.taxonomy_term.code === 'afspraak_soort')).length).toBe(27);
    expect(organizations.flatMap((o: any) => o.contacts).length).toBe(62);
    expect(errorsOf(validateOrganization, organizations)).toEqual([]);
    expect(errorsOf(validateService, services)).toEqual([]);
  });
});
