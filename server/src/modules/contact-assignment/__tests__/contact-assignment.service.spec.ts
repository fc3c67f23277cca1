import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  administrator,
  coordinatorOf,
  memberOf,
  refusal,
  snapshotRows,
  startServiceContext,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, membersOf, organisationId, teamId } from '../../../../../test/support/demo-lookup.js';
import { AuditService } from '../../audit/audit.service.js';
import { PersonService } from '../../person/person.service.js';
import { ContactAssignmentService } from '../contact-assignment.service.js';

let ctx: ServiceContext;
let service: ContactAssignmentService;
let zuidwest: string;
let overvecht: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(ContactAssignmentService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
  overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
});
afterAll(() => ctx?.close());

const currentCount = async (column: 'teamId' | 'organisationId', id: string) =>
  (await ctx.dataSource.query(`SELECT COUNT(*) AS n FROM contact_assignment WHERE "${column}" = ? AND "until" IS NULL`, [id]))[0].n;

describe('fixed contact persons', () => {
  it('every demo team has exactly one current contact, and most organisations one, some with history', async () => {
    const teams: { id: string }[] = await ctx.dataSource.query('SELECT id FROM team');
    for (const t of teams) expect(await currentCount('teamId', t.id)).toBe(1);
    const [{ orgs }] = await ctx.dataSource.query('SELECT COUNT(*) AS orgs FROM organisation');
    const [{ withContact }] = await ctx.dataSource.query(
      'SELECT COUNT(DISTINCT organisationId) AS withContact FROM contact_assignment WHERE organisationId IS NOT NULL AND "until" IS NULL',
    );
    expect(withContact / orgs).toBeGreaterThan(0.8);
    const [{ ended }] = await ctx.dataSource.query('SELECT COUNT(*) AS ended FROM contact_assignment WHERE "until" IS NOT NULL');
    expect(ended).toBeGreaterThan(5);
  });

  it('assigning a new contact ends the current one at the same moment and keeps the history', async () => {
    const before = await service.current({ teamId: zuidwest });
    const candidate = (await membersOf(ctx.dataSource, { teamId: zuidwest })).find((p) => p.id !== before!.personId)!;
    const assigned = await service.assign(coordinatorOf(zuidwest), { teamId: zuidwest, personId: candidate.id });
    expect(assigned.personId).toBe(candidate.id);
    expect(assigned.until).toBeNull();
    const history = await service.history({ teamId: zuidwest });
    expect(history[0].id).toBe(assigned.id);
    const ended = history.find((h) => h.id === before!.id)!;
    expect(ended.until).toBe(assigned.since);
    expect(await currentCount('teamId', zuidwest)).toBe(1);
    expect((await auditEntries(ctx.dataSource, assigned.id)).map((a) => a.action)).toEqual(['assignFixedContactPerson']);
    expect((await auditEntries(ctx.dataSource, before!.id)).map((a) => a.action)).toEqual(['endContactAssignment']);
    // The fixed contact shows on the neighbourhood page of every neighbourhood the team covers.
    const here = await service.forNeighbourhood('BU03440832');
    expect(here.map((c) => c.personId)).toContain(candidate.id);
  });

  it('a new team member can be registered and then made the fixed contact', async () => {
    const person = await ctx.get(PersonService).create(coordinatorOf(zuidwest), {
      name: 'Test Contactpersoon',
      roles: ['CONTACT_PERSON'],
      teamId: zuidwest,
      trainedKeyPerson: false,
      volunteerContract: false,
      topics: [],
      availability: 'AVAILABLE',
      consent: { givenOn: '2026-11-01', method: 'WRITTEN', recordedBy: 'Teamleider' },
      languages: [{ language: 'nld', level: 'NATIVE' }],
      communityCodes: [],
      neighbourhoodCodes: ['BU03440832'],
    } as never);
    const assigned = await service.assign(coordinatorOf(zuidwest), { teamId: zuidwest, personId: person.id });
    expect((await service.current({ teamId: zuidwest }))!.id).toBe(assigned.id);
  });

  it('works for organisations too', async () => {
    const [{ org }] = await ctx.dataSource.query(
      'SELECT organisationId AS org FROM person WHERE organisationId IS NOT NULL GROUP BY organisationId HAVING COUNT(*) >= 2 ORDER BY organisationId LIMIT 1',
    );
    const members = await membersOf(ctx.dataSource, { organisationId: org });
    const current = await service.current({ organisationId: org });
    const next = members.find((m) => m.id !== current?.personId)!;
    await service.assign(administrator, { organisationId: org, personId: next.id });
    expect((await service.current({ organisationId: org }))!.personId).toBe(next.id);
    expect(await currentCount('organisationId', org)).toBe(1);
  });

  describe('refused, with nothing changed', () => {
    it.each([
      [
        'a person who does not belong to the team',
        async () => {
          const outsider = (await membersOf(ctx.dataSource, { teamId: overvecht }))[0];
          return service.assign(administrator, { teamId: zuidwest, personId: outsider.id });
        },
        { code: 'BAD_USER_INPUT', field: 'personId' },
      ],
      [
        'both a team and an organisation',
        async () => {
          const org = await organisationId(ctx.dataSource, 'Stichting Hiil Wadaag');
          return service.assign(administrator, { teamId: zuidwest, organisationId: org, personId: 'x' });
        },
        { code: 'BAD_USER_INPUT', field: 'teamId' },
      ],
      [
        'an unknown person',
        async () => service.assign(administrator, { teamId: zuidwest, personId: '00000000-0000-4000-8000-00000000dead' }),
        { code: 'NOT_FOUND', field: 'personId' },
      ],
      [
        'the person who already is the contact',
        async () => {
          const current = await service.current({ teamId: zuidwest });
          return service.assign(administrator, { teamId: zuidwest, personId: current!.personId });
        },
        { code: 'CONFLICT', field: 'personId' },
      ],
      [
        'a coordinator of another team',
        async () => {
          const candidate = (await membersOf(ctx.dataSource, { teamId: zuidwest }))[0];
          return service.assign(coordinatorOf(overvecht), { teamId: zuidwest, personId: candidate.id });
        },
        { code: 'FORBIDDEN' },
      ],
      [
        'a member',
        async () => {
          const candidate = (await membersOf(ctx.dataSource, { teamId: zuidwest }))[0];
          return service.assign(memberOf(zuidwest), { teamId: zuidwest, personId: candidate.id });
        },
        { code: 'FORBIDDEN' },
      ],
    ] as [string, () => Promise<unknown>, object][])('%s', async (_name, call, expected) => {
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal(call())).toMatchObject(expected);
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });

    it('a failure after ending the old assignment rolls back both rows', async () => {
      const current = await service.current({ teamId: overvecht });
      const candidate = (await membersOf(ctx.dataSource, { teamId: overvecht })).find((p) => p.id !== current!.personId)!;
      const before = await snapshotRows(ctx.dataSource);
      const audit = ctx.get(AuditService);
      const original = audit.record.bind(audit);
      // The first audit write (ending the old assignment) succeeds; the last one fails.
      const spy = vi.spyOn(audit, 'record').mockImplementation(async (em, actor, entry) => {
        if (entry.action === 'assignFixedContactPerson') throw new Error('forced failure');
        return original(em, actor, entry);
      });
      await expect(service.assign(administrator, { teamId: overvecht, personId: candidate.id })).rejects.toThrow('forced failure');
      spy.mockRestore();
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
      expect((await service.current({ teamId: overvecht }))!.id).toBe(current!.id);
    });
  });
});
