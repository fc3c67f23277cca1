import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/src/config.js';
import type { DemoNetwork } from '../../seeds/seed-types.js';
import type { TestServer } from './test-server.js';

export const ROLES = ['anonymous', 'member', 'coordinatorOwn', 'coordinatorOther', 'administrator', 'policyOfficer'] as const;
export type Role = (typeof ROLES)[number];

export const demoNetwork = (): DemoNetwork => JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'demo', 'network.json'), 'utf8'));

/**
 * Headers per role. "coordinatorOwn" and "coordinatorOther" are the same demo coordinator (team
 * Buurtteam Zuidwest): what differs is whose record the test targets.
 */
export async function signInAll(server: TestServer): Promise<Record<Role, Record<string, string>>> {
  const [member, coordinator, administrator, policyOfficer] = await Promise.all([
    server.login('medewerker@example.org'),
    server.login('coordinator@example.org'),
    server.login('beheerder@example.org'),
    server.login('beleid@example.org'),
  ]);
  return { anonymous: {}, member, coordinatorOwn: coordinator, coordinatorOther: coordinator, administrator, policyOfficer };
}
