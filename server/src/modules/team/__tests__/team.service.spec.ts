import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrator,
  coordinatorOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, teamId } from '../../../../../test/support/demo-lookup.js';
import { CreateTeamInput, UpdateTeamInput } from '../dto/team.input.js';
import { TeamKind } from '../team.entity.js';
import { TeamService } from '../team.service.js';

let ctx: ServiceContext;
let service: TeamService;
let zuidwest: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(TeamService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
});
afterAll(() => ctx?.close());

describe('TeamService', () => {
  it('an administrator creates and archives a team; its coordinator updates it', async () => {
    const team = await service.create(
      administrator,
      await validated(CreateTeamInput, {
        name: 'Buurtteam Test',
        kind: TeamKind.NEIGHBOURHOOD_TEAM,
        municipalityCode: 'GM0344',
        phone: '+31 30 123 4567',
        neighbourhoodCodes: ['BU03440831'],
      }),
    );
    expect(team).toMatchObject({ municipalityCode: 'GM0344', phone: '030 123 4567' });
    const updated = await service.update(
      coordinatorOf(team.id),
      await validated(UpdateTeamInput, { id: team.id, neighbourhoodCodes: ['BU03440831', 'BU03440832'] }),
    );
    expect(updated.neighbourhoods.map((n) => n.code).sort()).toEqual(['BU03440831', 'BU03440832']);
    await service.archive(administrator, { id: team.id });
    expect((await service.list()).map((t) => t.id)).not.toContain(team.id);
    expect((await auditEntries(ctx.dataSource, team.id)).map((a) => a.action)).toEqual(['createTeam', 'updateTeam', 'archiveTeam']);
    const before = await snapshotRows(ctx.dataSource);
    expect(await refusal(service.update(administrator, await validated(UpdateTeamInput, { id: team.id, name: 'x' })))).toMatchObject({ code: 'ARCHIVED' });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });

  it('refuses bad input and other roles, changing nothing', async () => {
    const before = await snapshotRows(ctx.dataSource);
    const good = { name: 'Buurtteam Fout', kind: TeamKind.NEIGHBOURHOOD_TEAM, municipalityCode: 'GM0344', neighbourhoodCodes: ['BU03440831'] };
    expect(await refusal(service.create(coordinatorOf(zuidwest), await validated(CreateTeamInput, good)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service.create(administrator, await validated(CreateTeamInput, { ...good, neighbourhoodCodes: ['BU03449999'] })))).toMatchObject({
      code: 'UNKNOWN_NEIGHBOURHOOD',
      field: 'neighbourhoodCodes.0',
    });
    expect(await refusal(validated(CreateTeamInput, { ...good, email: 'geen-mail' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await refusal(validated(CreateTeamInput, { ...good, phone: '0612' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(await refusal(validated(UpdateTeamInput, { id: zuidwest, name: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const other = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
    expect(await refusal(service.update(coordinatorOf(zuidwest), await validated(UpdateTeamInput, { id: other, name: 'Overgenomen' })))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal(service.archive(coordinatorOf(zuidwest), { id: zuidwest }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
  });
});
