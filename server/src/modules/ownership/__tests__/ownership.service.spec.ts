import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceContext, type ServiceContext } from '../../../../../test/support/registry-context.js';
import { teamId } from '../../../../../test/support/demo-lookup.js';
import { OwnershipService } from '../ownership.service.js';

let ctx: ServiceContext;
let ownership: OwnershipService;
beforeAll(async () => {
  ctx = await startServiceContext();
  ownership = ctx.get(OwnershipService);
});
afterAll(() => ctx?.close());

describe('OwnershipService: records of teams (the inverse of teams of a record)', () => {
  it('organisationsOfTeams and personsOfTeams hold exactly the records whose owning teams include one of the teams', async () => {
    const organisations: { id: string }[] = await ctx.dataSource.query('SELECT id FROM organisation');
    const persons: { id: string }[] = await ctx.dataSource.query('SELECT id FROM person');
    const owners = {
      organisation: new Map(await Promise.all(organisations.map(async ({ id }) => [id, await ownership.teamsOfOrganisation(id)] as const))),
      person: new Map(await Promise.all(persons.map(async ({ id }) => [id, await ownership.teamsOfPerson(id)] as const))),
    };
    const teamSets = [
      [await teamId(ctx.dataSource, 'Buurtteam Zuidwest')],
      [await teamId(ctx.dataSource, 'Buurtteam Overvecht-Zuid')],
      [await teamId(ctx.dataSource, 'Buurtteam De Meern'), await teamId(ctx.dataSource, 'Buurtteam Binnenstad')],
      [await teamId(ctx.dataSource, 'Team Nieuwkomers & Statushouders')],
    ];
    for (const teams of teamSets) {
      const belongs = (ids: readonly string[]) => ids.some((id) => teams.includes(id));
      const expectedOrganisations = [...owners.organisation]
        .filter(([, ids]) => belongs(ids))
        .map(([id]) => id)
        .sort();
      const expectedPersons = [...owners.person]
        .filter(([, ids]) => belongs(ids))
        .map(([id]) => id)
        .sort();
      expect([...(await ownership.organisationsOfTeams(teams))].sort()).toEqual(expectedOrganisations);
      expect([...(await ownership.personsOfTeams(teams))].sort()).toEqual(expectedPersons);
      // Not vacuous: every one of these teams owns persons in the demo data.
      expect(expectedPersons.length).toBeGreaterThan(0);
    }
    expect(await ownership.organisationsOfTeams([])).toEqual(new Set());
    expect(await ownership.personsOfTeams(['00000000-0000-4000-8000-00000000dead'])).toEqual(new Set());
  });
});

describe('OwnershipService: the batched teamsOf… (for `can` on lists) give the same teams as the single ones', () => {
  const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort();
  it('for every person, organisation and walk-in hour of the demo data', async () => {
    const persons: { id: string }[] = await ctx.dataSource.query('SELECT id FROM person');
    const organisations: { id: string }[] = await ctx.dataSource.query('SELECT id FROM organisation');
    const activities: { id: string; agreementId: string | null; organisationId: string | null; neighbourhoodCode: string }[] = await ctx.dataSource.query(
      'SELECT id, agreementId, organisationId, neighbourhoodCode FROM activity',
    );
    expect(persons.length * organisations.length * activities.length).toBeGreaterThan(0);
    const personTeams = await ownership.teamsOfPersons(persons.map((p) => p.id));
    for (const { id } of persons) expect(sorted(personTeams.get(id)), id).toEqual(sorted(await ownership.teamsOfPerson(id)));
    const organisationTeams = await ownership.teamsOfOrganisations(organisations.map((o) => o.id));
    for (const { id } of organisations) expect(sorted(organisationTeams.get(id)), id).toEqual(sorted(await ownership.teamsOfOrganisation(id)));
    const activityTeams = await ownership.teamsOfActivities(activities);
    for (const activity of activities) expect(sorted(activityTeams.get(activity.id)), activity.id).toEqual(sorted(await ownership.teamsOfActivity(activity)));
    // An empty batch asks nothing.
    expect((await ownership.teamsOfPersons([])).size).toBe(0);
  });
});
