import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administrator, coordinatorOf, memberOf, refusal, snapshotRows, startServiceContext, type ServiceContext } from '../../../../../test/support/registry-context.js';
import { auditEntries, teamId } from '../../../../../test/support/demo-lookup.js';
import { OwnershipService } from '../../ownership/ownership.service.js';
import { PageInput } from '../../../common/pagination.js';
import { VerifiableType } from '../dto/verification.input.js';
import { isStale, reviewCutoff } from '../review-period.js';
import { VerificationService } from '../verification.service.js';

describe('review period', () => {
  it('counts whole months back, clamping to the end of shorter months', () => {
    expect(reviewCutoff('2026-11-24', 12)).toBe('2025-11-24');
    expect(reviewCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(reviewCutoff('2024-03-31', 1)).toBe('2024-02-29');
    expect(reviewCutoff('2026-01-15', 13)).toBe('2024-12-15');
  });
  it('stale: never verified, or verified on or before the cutoff', () => {
    expect(isStale(null, '2026-11-24', 12)).toBe(true);
    expect(isStale('2025-11-24', '2026-11-24', 12)).toBe(true);
    expect(isStale('2025-11-25', '2026-11-24', 12)).toBe(false);
    expect(isStale('2026-06-01', '2026-11-24', 3)).toBe(true);
  });
});

describe('VerificationService', () => {
  let ctx: ServiceContext;
  let service: VerificationService;
  beforeAll(async () => {
    ctx = await startServiceContext();
    service = ctx.get(VerificationService);
  });
  afterAll(() => ctx?.close());

  it('the review queue lists never-verified entries first, then the oldest; the demo data has some', async () => {
    const queue = await service.reviewQueue(administrator, undefined, Object.assign(new PageInput(), { limit: 200 }));
    expect(queue.totalCount).toBeGreaterThan(3);
    expect(queue.items.some((i) => i.neverVerified)).toBe(true);
    expect(queue.items.some((i) => i.entityType === VerifiableType.ORGANISATION)).toBe(true);
    const dates = queue.items.map((i) => i.lastVerifiedOn ?? '');
    expect([...dates].sort()).toEqual(dates);
    for (const item of queue.items) expect(service.isStale(item.lastVerifiedOn)).toBe(true);
    expect(await refusal(service.reviewQueue(null, undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('"my teams": only entries that belong to one of the actor\'s teams, or to the team asked for', async () => {
    const all = Object.assign(new PageInput(), { limit: 200 });
    const ownership = ctx.get(OwnershipService);
    const zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    const overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Zuid');
    const whole = await service.reviewQueue(administrator, undefined, all);
    const ownersOf = (item: { entityType: VerifiableType; id: string }) =>
      item.entityType === VerifiableType.PERSON ? ownership.teamsOfPerson(item.id) : ownership.teamsOfOrganisation(item.id);
    const expected = async (teams: string[]) => {
      const ids: string[] = [];
      for (const item of whole.items) if ((await ownersOf(item)).some((t) => teams.includes(t))) ids.push(item.id);
      return ids;
    };
    expect(whole.totalCount).toBeLessThanOrEqual(200);

    const mine = await service.reviewQueue(memberOf(overvecht), undefined, all, { mine: true });
    expect(mine.items.map((i) => i.id)).toEqual(await expected([overvecht]));
    expect(mine.totalCount).toBe(mine.items.length);
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.totalCount).toBeLessThan(whole.totalCount);

    // Two teams: the union, in the queue's order; a type filter still applies.
    const both = await service.reviewQueue(coordinatorOf(zuidwest, overvecht), undefined, all, { mine: true });
    expect(both.items.map((i) => i.id)).toEqual(await expected([zuidwest, overvecht]));
    const persons = await service.reviewQueue(coordinatorOf(zuidwest), VerifiableType.PERSON, all, { mine: true });
    expect(persons.items.every((i) => i.entityType === VerifiableType.PERSON)).toBe(true);
    expect(persons.items.map((i) => i.id)).toEqual((await expected([zuidwest])).filter((id) => whole.items.find((i) => i.id === id)!.entityType === VerifiableType.PERSON));

    // One team by id (anyone signed in may look at another team's queue); mine=false is the whole queue.
    const byTeam = await service.reviewQueue(memberOf(overvecht), undefined, all, { teamId: zuidwest });
    expect(byTeam.items.map((i) => i.id)).toEqual(await expected([zuidwest]));
    expect((await service.reviewQueue(memberOf(overvecht), undefined, all, { mine: false })).totalCount).toBe(whole.totalCount);
    // Paging counts the filtered queue.
    const firstTwo = await service.reviewQueue(memberOf(overvecht), undefined, Object.assign(new PageInput(), { limit: 2 }), { mine: true });
    expect(firstTwo).toMatchObject({ totalCount: mine.totalCount, hasMore: mine.totalCount > 2 });
    expect(firstTwo.items.map((i) => i.id)).toEqual(mine.items.slice(0, 2).map((i) => i.id));
  });

  it('"my teams" refuses an unknown or malformed team, a team not one\'s own, and an actor without teams, naming the field', async () => {
    const zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    const overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Zuid');
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: '00000000-0000-4000-8000-00000000dead' })))
      .toMatchObject({ code: 'NOT_FOUND', field: 'teamId', message: "Team '00000000-0000-4000-8000-00000000dead' bestaat niet" });
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: 'x'.repeat(37) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    expect(await refusal(service.reviewQueue(memberOf(overvecht), undefined, undefined, { mine: true, teamId: zuidwest }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamId' });
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { mine: true }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mine' });
    expect(await refusal(service.reviewQueue(null, undefined, undefined, { mine: true }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // mine together with one of one's own teams is that team.
    const own = await service.reviewQueue(coordinatorOf(zuidwest, overvecht), undefined, undefined, { mine: true, teamId: zuidwest });
    expect(own.totalCount).toBe((await service.reviewQueue(administrator, undefined, undefined, { teamId: zuidwest })).totalCount);
  });

  it('markVerified changes only lastVerifiedOn, writes an audit entry, and takes the entry out of the queue', async () => {
    const [item] = (await service.reviewQueue(administrator, VerifiableType.PERSON)).items;
    const [before] = await ctx.dataSource.query('SELECT * FROM person WHERE id = ?', [item.id]);
    const result = await service.markVerified(administrator, { entityType: VerifiableType.PERSON, id: item.id });
    expect(result.isStale).toBe(false);
    const [after] = await ctx.dataSource.query('SELECT * FROM person WHERE id = ?', [item.id]);
    expect({ ...after, lastVerifiedOn: before.lastVerifiedOn }).toEqual(before);
    expect(after.lastVerifiedOn).toBe(new Date().toISOString().slice(0, 10));
    expect((await auditEntries(ctx.dataSource, item.id)).map((a) => a.action)).toEqual(['markVerified']);
    const queue = await service.reviewQueue(administrator, VerifiableType.PERSON, Object.assign(new PageInput(), { limit: 200 }));
    expect(queue.items.map((i) => i.id)).not.toContain(item.id);
  });

  it('refuses a future date, an unknown record, and a coordinator of another team, changing nothing', async () => {
    const [item] = (await service.reviewQueue(administrator, VerifiableType.ORGANISATION)).items;
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal(service.markVerified(administrator, { entityType: VerifiableType.ORGANISATION, id: item.id, verifiedOn: '2099-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'verifiedOn' });
    expect(await refusal(service.markVerified(administrator, { entityType: VerifiableType.ORGANISATION, id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const owners = await ctx.get(OwnershipService).teamsOfOrganisation(item.id);
    const [{ id: outsider }] = await ctx.dataSource.query(`SELECT id FROM team WHERE id NOT IN (${owners.map(() => '?').join(',')}) LIMIT 1`, owners);
    expect(await refusal(service.markVerified(coordinatorOf(outsider), { entityType: VerifiableType.ORGANISATION, id: item.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });
});
