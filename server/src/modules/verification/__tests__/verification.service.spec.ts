import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrator,
  coordinatorOf,
  memberOf,
  refusal,
  snapshotRows,
  startServiceContext,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, teamId } from '../../../../../test/support/demo-lookup.js';
import { OwnershipService } from '../../ownership/ownership.service.js';
import { PageInput } from '../../../common/pagination.js';
import { IsNull } from 'typeorm';
import { InterpreterKind } from '../../capability/profile.enums.js';
import { Person } from '../../person/person.entity.js';
import { ReviewReason, VerifiableType } from '../dto/verification.input.js';
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
    const staleKinds = [VerifiableType.ORGANISATION, VerifiableType.PERSON, VerifiableType.ACTIVITY];
    for (const item of queue.items.filter((i) => staleKinds.includes(i.entityType))) expect(service.isStale(item.lastVerifiedOn)).toBe(true);
    expect(await refusal(service.reviewQueue(null, undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('"my teams": only entries that belong to one of the actor\'s teams, or to the team asked for', async () => {
    const all = Object.assign(new PageInput(), { limit: 200 });
    const ownership = ctx.get(OwnershipService);
    const zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    const overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Zuid');
    const whole = await service.reviewQueue(administrator, undefined, all);
    const ownersOf = async (item: { entityType: VerifiableType; id: string }) =>
      item.entityType === VerifiableType.PERSON
        ? ownership.teamsOfPerson(item.id)
        : item.entityType === VerifiableType.AGREEMENT
          ? ((await ctx.dataSource.query('SELECT teamId FROM agreement WHERE id = ?', [item.id])) as { teamId: string }[]).map((r) => r.teamId)
          : item.entityType === VerifiableType.ACTIVITY
            ? ownership.teamsOfActivity((await ctx.dataSource.query('SELECT * FROM activity WHERE id = ?', [item.id]))[0])
            : item.entityType === VerifiableType.CONTACT_ASSIGNMENT
              ? ownership.teamsOfContactParty((await ctx.dataSource.query('SELECT * FROM contact_assignment WHERE id = ?', [item.id]))[0])
              : ownership.teamsOfOrganisation(item.id);
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
    expect(persons.items.map((i) => i.id)).toEqual(
      (await expected([zuidwest])).filter((id) => whole.items.find((i) => i.id === id)!.entityType === VerifiableType.PERSON),
    );

    // One team by id (anyone signed in may look at another team's queue); mine=false is the whole queue.
    const byTeam = await service.reviewQueue(memberOf(overvecht), undefined, all, { teamId: zuidwest });
    expect(byTeam.items.map((i) => i.id)).toEqual(await expected([zuidwest]));
    expect((await service.reviewQueue(memberOf(overvecht), undefined, all, { mine: false })).totalCount).toBe(whole.totalCount);
    // Paging counts the filtered queue.
    const firstTwo = await service.reviewQueue(memberOf(overvecht), undefined, Object.assign(new PageInput(), { limit: 2 }), { mine: true });
    expect(firstTwo).toMatchObject({ totalCount: mine.totalCount, hasMore: mine.totalCount > 2 });
    expect(firstTwo.items.map((i) => i.id)).toEqual(mine.items.slice(0, 2).map((i) => i.id));
  });

  it('holds agreements past their review date and, after a new fixed contact, the agreements that still name the previous one', async () => {
    const all = Object.assign(new PageInput(), { limit: 200 });
    const today = new Date().toISOString().slice(0, 10);
    const queue = await service.reviewQueue(administrator, VerifiableType.AGREEMENT, all);
    const pastDue: { id: string }[] = await ctx.dataSource.query("SELECT id FROM agreement WHERE status = 'ACTIVE' AND archivedAt IS NULL AND reviewOn < ?", [
      today,
    ]);
    expect(pastDue.length).toBeGreaterThan(0);
    const listed = queue.items.filter((i) => i.reason === 'REVIEW_DATE_PASSED');
    expect(listed.map((i) => i.id).sort()).toEqual(pastDue.map((r) => r.id).sort());
    expect(listed[0].reasonText).toMatch(/^Evaluatiedatum \d+ \w+ \d{4} is voorbij$/);
    // The item names the agreement; ReviewItem.agreement loads it, batched per request (verification.resolver.ts).
    expect(listed[0].entityType).toBe(VerifiableType.AGREEMENT);

    // A team gets a new fixed contact: its running agreements that named the previous one are flagged…
    const { ContactAssignmentService } = await import('../../contact-assignment/contact-assignment.service.js');
    const contacts = ctx.get(ContactAssignmentService);
    const [{ teamId: team, personId: previous }] = await ctx.dataSource.query(
      "SELECT ca.teamId, ca.personId FROM contact_assignment ca JOIN agreement a ON a.teamId = ca.teamId AND a.teamContactPersonId = ca.personId AND a.status <> 'ENDED' WHERE ca.until IS NULL AND ca.teamId IS NOT NULL LIMIT 1",
    );
    const naming: { id: string }[] = await ctx.dataSource.query(
      "SELECT id FROM agreement WHERE teamId = ? AND teamContactPersonId = ? AND status <> 'ENDED' AND archivedAt IS NULL",
      [team, previous],
    );
    const [{ id: successor }] = await ctx.dataSource.query('SELECT id FROM person WHERE teamId = ? AND id <> ? AND archivedAt IS NULL LIMIT 1', [
      team,
      previous,
    ]);
    await contacts.assign(administrator, { teamId: team, personId: successor });
    const flagged = (await service.reviewQueue(administrator, VerifiableType.AGREEMENT, all)).items
      .filter((i) => i.reason === 'FORMER_CONTACT')
      .map((i) => i.id);
    const naming_not_past_due = naming.map((r) => r.id).filter((id) => !pastDue.some((p) => p.id === id));
    expect(naming_not_past_due.length).toBeGreaterThan(0);
    for (const id of naming_not_past_due) expect(flagged).toContain(id);

    // …and assigning with updateAgreements moves them to the new contact, audited, and out of the queue.
    await contacts.assign(administrator, { teamId: team, personId: previous, updateAgreements: true });
    const moved: { teamContactPersonId: string }[] = await ctx.dataSource.query(
      `SELECT teamContactPersonId FROM agreement WHERE id IN (${naming.map(() => '?').join(',')})`,
      naming.map((r) => r.id),
    );
    // `previous` is the contact again, and the agreements that named `successor`… named `previous` all along: unchanged, no longer flagged.
    expect(moved.every((r) => r.teamContactPersonId === previous)).toBe(true);
    const after = (await service.reviewQueue(administrator, VerifiableType.AGREEMENT, all)).items.filter((i) => i.reason === 'FORMER_CONTACT').map((i) => i.id);
    for (const id of naming_not_past_due) expect(after).not.toContain(id);
    await contacts.assign(administrator, { teamId: team, personId: successor, updateAgreements: true });
    const updated: { teamContactPersonId: string }[] = await ctx.dataSource.query(
      `SELECT teamContactPersonId FROM agreement WHERE id IN (${naming.map(() => '?').join(',')})`,
      naming.map((r) => r.id),
    );
    expect(updated.every((r) => r.teamContactPersonId === successor)).toBe(true);
    expect((await auditEntries(ctx.dataSource, naming[0].id)).map((a) => a.action)).toContain('updateAgreement');
    const finally_ = (await service.reviewQueue(administrator, VerifiableType.AGREEMENT, all)).items
      .filter((i) => i.reason === 'FORMER_CONTACT')
      .map((i) => i.id);
    for (const id of naming_not_past_due) expect(finally_).not.toContain(id);
  });

  it('"my teams" refuses an unknown or malformed team, a team not one\'s own, and an actor without teams, naming the field', async () => {
    const zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    const overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Zuid');
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: '00000000-0000-4000-8000-00000000dead' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'teamId',
      message: "Team '00000000-0000-4000-8000-00000000dead' bestaat niet",
    });
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: 'x'.repeat(37) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'teamId',
    });
    expect(await refusal(service.reviewQueue(administrator, undefined, undefined, { teamId: '  ' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'teamId',
    });
    expect(await refusal(service.reviewQueue(memberOf(overvecht), undefined, undefined, { mine: true, teamId: zuidwest }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'teamId',
    });
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
    expect(
      await refusal(service.markVerified(administrator, { entityType: VerifiableType.ORGANISATION, id: item.id, verifiedOn: '2099-01-01' })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'verifiedOn' });
    expect(await refusal(service.markVerified(administrator, { entityType: VerifiableType.ORGANISATION, id: 'nope' }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    const owners = await ctx.get(OwnershipService).teamsOfOrganisation(item.id);
    const [{ id: outsider }] = await ctx.dataSource.query(`SELECT id FROM team WHERE id NOT IN (${owners.map(() => '?').join(',')}) LIMIT 1`, owners);
    expect(await refusal(service.markVerified(coordinatorOf(outsider), { entityType: VerifiableType.ORGANISATION, id: item.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });

  it('holds walk-in hours not verified for the review period; a member of the owning team confirms one, a member of another team may not', async () => {
    const all = Object.assign(new PageInput(), { limit: 200 });
    const [activity] = await ctx.dataSource.query('SELECT * FROM activity WHERE archivedAt IS NULL AND validUntil IS NULL ORDER BY id LIMIT 1');
    await ctx.dataSource.query('UPDATE activity SET lastVerifiedOn = ? WHERE id = ?', ['2020-01-15', activity.id]);
    const queue = await service.reviewQueue(administrator, VerifiableType.ACTIVITY, all);
    const item = queue.items.find((i) => i.id === activity.id)!;
    expect(item).toMatchObject({ entityType: VerifiableType.ACTIVITY, reason: 'STALE', reasonText: 'Spreekuur niet gecontroleerd sinds 15 januari 2020' });
    expect(queue.items.every((i) => i.entityType === VerifiableType.ACTIVITY)).toBe(true);
    // Ended or archived walk-in hours are not in the queue.
    await ctx.dataSource.query('UPDATE activity SET validUntil = ? WHERE id = ?', ['2021-01-01', activity.id]);
    expect((await service.reviewQueue(administrator, VerifiableType.ACTIVITY, all)).items.map((i) => i.id)).not.toContain(activity.id);
    await ctx.dataSource.query('UPDATE activity SET validUntil = NULL WHERE id = ?', [activity.id]);

    const owners = await ctx.get(OwnershipService).teamsOfActivity(activity);
    const [{ id: outsider }] = await ctx.dataSource.query(`SELECT id FROM team WHERE id NOT IN (${owners.map(() => '?').join(',')}) LIMIT 1`, owners);
    // "my teams" of a member of an owning team holds it; of another team not.
    expect((await service.reviewQueue(memberOf(owners[0]), VerifiableType.ACTIVITY, all, { mine: true })).items.map((i) => i.id)).toContain(activity.id);
    expect((await service.reviewQueue(memberOf(outsider), VerifiableType.ACTIVITY, all, { mine: true })).items.map((i) => i.id)).not.toContain(activity.id);
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal(service.markVerified(memberOf(outsider), { entityType: VerifiableType.ACTIVITY, id: activity.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal(service.markVerified(memberOf(owners[0]), { entityType: VerifiableType.CONTACT_ASSIGNMENT, id: activity.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'entityType',
    });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    const result = await service.markVerified(memberOf(owners[0]), { entityType: VerifiableType.ACTIVITY, id: activity.id });
    expect(result.isStale).toBe(false);
    expect((await service.reviewQueue(administrator, VerifiableType.ACTIVITY, all)).items.map((i) => i.id)).not.toContain(activity.id);
  });

  it('holds current fixed contact persons who left: archived, no longer in the team, or not available; a new contact clears it', async () => {
    const all = Object.assign(new PageInput(), { limit: 200 });
    const left = async () =>
      (await service.reviewQueue(administrator, VerifiableType.CONTACT_ASSIGNMENT, all)).items.map((i) => ({ id: i.id, reason: i.reason, text: i.reasonText }));
    const rows: { id: string; teamId: string; personId: string }[] = await ctx.dataSource.query(
      // The first one's team has someone else to take over.
      `SELECT ca.id, ca.teamId, ca.personId FROM contact_assignment ca JOIN person p ON p.id = ca.personId
       WHERE ca.until IS NULL AND ca.teamId IS NOT NULL AND p.archivedAt IS NULL
       ORDER BY (SELECT COUNT(*) FROM person q WHERE q.teamId = ca.teamId AND q.archivedAt IS NULL) DESC, ca.id LIMIT 3`,
    );
    expect(rows.length).toBe(3);
    const start = await left();
    for (const r of rows) expect(start.map((i) => i.id)).not.toContain(r.id);
    const [archived, moved, unavailable] = rows;
    await ctx.dataSource.query('UPDATE person SET archivedAt = ? WHERE id = ?', ['2026-01-01T00:00:00.000Z', archived.personId]);
    const [{ id: elsewhere }] = await ctx.dataSource.query('SELECT id FROM team WHERE id <> ? LIMIT 1', [moved.teamId]);
    await ctx.dataSource.query('UPDATE person SET teamId = ? WHERE id = ?', [elsewhere, moved.personId]);
    await ctx.dataSource.query("UPDATE person SET availability = 'UNAVAILABLE' WHERE id = ?", [unavailable.personId]);
    const now = await left();
    expect(now.find((i) => i.id === archived.id)).toMatchObject({ reason: 'CONTACT_LEFT', text: 'De vaste contactpersoon is gearchiveerd of verwijderd' });
    expect(now.find((i) => i.id === moved.id)).toMatchObject({ reason: 'CONTACT_LEFT', text: 'De vaste contactpersoon hoort niet meer bij dit team' });
    expect(now.find((i) => i.id === unavailable.id)).toMatchObject({ reason: 'CONTACT_LEFT', text: 'De vaste contactpersoon is niet meer beschikbaar' });
    // In "my teams" of that team, not of another.
    expect((await service.reviewQueue(memberOf(archived.teamId), undefined, all, { mine: true })).items.map((i) => i.id)).toContain(archived.id);
    const [{ id: other }] = await ctx.dataSource.query(
      'SELECT id FROM team WHERE id NOT IN (?, ?, ?) LIMIT 1',
      rows.map((r) => r.teamId),
    );
    expect((await service.reviewQueue(memberOf(other), undefined, all, { mine: true })).items.map((i) => i.id)).not.toContain(archived.id);
    // A new fixed contact for that team ends the old assignment: out of the queue.
    const { ContactAssignmentService } = await import('../../contact-assignment/contact-assignment.service.js');
    const [{ id: successor }] = await ctx.dataSource.query('SELECT id FROM person WHERE teamId = ? AND archivedAt IS NULL AND id NOT IN (?, ?, ?) LIMIT 1', [
      archived.teamId,
      ...rows.map((r) => r.personId),
    ]);
    await ctx.get(ContactAssignmentService).assign(administrator, { teamId: archived.teamId, personId: successor });
    expect((await left()).map((i) => i.id)).not.toContain(archived.id);
  });

  it('the agreements of the queue read only the contact assignments of the persons they name, not every assignment', async () => {
    const statements: string[] = [];
    const logger = ctx.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query);
      return original(query, parameters, runner);
    };
    try {
      await service.reviewQueue(administrator, VerifiableType.AGREEMENT, Object.assign(new PageInput(), { limit: 200 }));
    } finally {
      logger.logQuery = original;
    }
    const reads = statements.filter((q) => /FROM "contact_assignment"/.test(q));
    expect(reads.length).toBeGreaterThan(0);
    for (const q of reads) expect(q).toMatch(/WHERE .*"personId" IN \(/);
  });
  it('holds formal interpreters registered before the Rbtv level and end date were required, as "registratie onvolledig", once per person', async () => {
    const repo = ctx.dataSource.getRepository(Person);
    const interpreter = await repo.findOneOrFail({ where: { isInterpreter: true, interpreterKind: InterpreterKind.FORMAL, archivedAt: IsNull() } });
    const all = Object.assign(new PageInput(), { limit: 200 });
    const before = await service.reviewQueue(administrator, VerifiableType.PERSON, all);
    expect(before.items.filter((i) => i.id === interpreter.id).map((i) => i.reason)).not.toContain(ReviewReason.REGISTRATION_INCOMPLETE);
    await repo.update({ id: interpreter.id }, { interpreterLevel: null, lastVerifiedOn: null });
    try {
      const queue = await service.reviewQueue(administrator, VerifiableType.PERSON, all);
      const entries = queue.items.filter((i) => i.id === interpreter.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ reason: ReviewReason.REGISTRATION_INCOMPLETE, reasonText: 'Rbtv-registratie onvolledig: niveau ontbreekt' });
      expect(new Set(queue.items.map((i) => i.id)).size).toBe(queue.items.length);
    } finally {
      await repo.update({ id: interpreter.id }, { interpreterLevel: interpreter.interpreterLevel, lastVerifiedOn: interpreter.lastVerifiedOn });
    }
  });
});
