import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  administrator,
  coordinatorOf,
  memberOf,
  refusal,
  snapshotRows,
  startServiceContext,
  validated,
  type ServiceContext,
} from '../../../../../test/support/registry-context.js';
import { auditEntries, membersOf, organisationId, teamId } from '../../../../../test/support/demo-lookup.js';
import { AuditService } from '../../audit/audit.service.js';
import { ActivityService } from '../../activity/activity.service.js';
import { AgreementStatus, AgreementType } from '../agreement.entity.js';
import { AgreementService } from '../agreement.service.js';
import { CreateAgreementInput } from '../dto/agreement.input.js';

let ctx: ServiceContext;
let agreements: AgreementService;
let zuidwest: string;
let overvecht: string;
let hiilWadaag: string;
let zuidwestWorker: string;
let hiilContact: string;
let otherOrgContact: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  agreements = ctx.get(AgreementService);
  zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
  overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
  hiilWadaag = await organisationId(ctx.dataSource, 'Stichting Hiil Wadaag');
  zuidwestWorker = (await membersOf(ctx.dataSource, { teamId: zuidwest }))[0].id;
  hiilContact = (await membersOf(ctx.dataSource, { organisationId: hiilWadaag })).find((p) => p.isContactPerson)!.id;
  otherOrgContact = (await membersOf(ctx.dataSource, { organisationId: await organisationId(ctx.dataSource, 'Vereniging Selam Utrecht') }))[0].id;
});
afterAll(() => ctx?.close());

const input = (over: Partial<CreateAgreementInput> = {}): Promise<CreateAgreementInput> =>
  validated(CreateAgreementInput, {
    // OTHER: the demo data already has an open-ended walk-in hour agreement of these parties (a duplicate is refused).
    title: 'Spreekuur in de Kanaalhoek',
    type: AgreementType.OTHER,
    status: AgreementStatus.ACTIVE,
    teamId: zuidwest,
    organisationId: hiilWadaag,
    neighbourhoodCodes: ['BU03440832', 'BU03440831'],
    teamContactPersonId: zuidwestWorker,
    partnerContactPersonId: hiilContact,
    appreciate: 'Bedankbijeenkomst',
    inform: 'Nieuwsbrief',
    facilitate: 'Ruimte',
    align: 'Kwartaaloverleg',
    volunteerCompensation: '€ 25 per spreekuur',
    startsOn: '2026-01-05',
    reviewOn: '2026-07-01',
    ...over,
  });

/** The whole `extensions` of a refusal (refusal() keeps code and field only). */
async function extensionsOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

describe('AgreementService against the demo database', () => {
  it('the demo data has at least 20 agreements, in every status, some in Kanaleneiland', async () => {
    const all = await ctx.dataSource.query('SELECT status FROM agreement');
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const code of ['BU03440831', 'BU03440832']) {
      const here = await agreements.list({ neighbourhoodCode: code });
      expect(here.length).toBeGreaterThan(0);
    }
    const kanaleneiland = (await Promise.all(['BU03440831', 'BU03440832', 'BU03440821'].map((code) => agreements.list({ neighbourhoodCode: code })))).flat();
    expect(new Set(kanaleneiland.map((a) => a.status))).toEqual(new Set(['DRAFT', 'ACTIVE', 'ENDED']));
  });

  it('creates an agreement with its neighbourhoods and contacts, and an audit entry in the same transaction', async () => {
    const created = await agreements.create(coordinatorOf(zuidwest), await input());
    expect(created.status).toBe('ACTIVE');
    expect(created.neighbourhoods.map((n) => n.code).sort()).toEqual(['BU03440831', 'BU03440832']);
    expect(created.teamContactPersonId).toBe(zuidwestWorker);
    expect((await agreements.list({ neighbourhoodCode: 'BU03440831' })).map((a) => a.id)).toContain(created.id);
    const audit = await auditEntries(ctx.dataSource, created.id);
    expect(audit.map((a) => a.action)).toEqual(['createAgreement']);
    expect(audit[0].userEmail).toBe('coordinator@example.org');
    expect(JSON.parse(audit[0].afterJson!).neighbourhoods.sort()).toEqual(['BU03440831', 'BU03440832']);
  });

  it('updates and ends an agreement; its walk-in hours end on the same date', async () => {
    // A period of its own, so it is no duplicate of the open-ended agreement created above.
    const created = await agreements.create(
      administrator,
      await input({ title: 'Te beëindigen', startsOn: '2025-01-05', reviewOn: '2025-07-01', endsOn: '2025-12-31' }),
    );
    const activity = await ctx.get(ActivityService).create(administrator, {
      name: 'Spreekuur',
      weekday: 2,
      startTime: '10:00',
      endTime: '12:00',
      validFrom: '2025-01-07',
      venueName: 'Hiil Wadaag',
      neighbourhoodCode: 'BU03440832',
      agreementId: created.id,
      languageCodes: ['som', 'Nederlands'],
    } as never);
    const updated = await agreements.update(administrator, { id: created.id, title: 'Spreekuur Hiil Wadaag', neighbourhoodCodes: ['BU03440832'] } as never);
    expect(updated.title).toBe('Spreekuur Hiil Wadaag');
    expect(updated.neighbourhoods.map((n) => n.code)).toEqual(['BU03440832']);
    const ended = await agreements.end(administrator, { id: created.id, endsOn: '2025-11-01', reason: 'Ruimte niet meer beschikbaar' });
    expect(ended.status).toBe('ENDED');
    expect(ended.endsOn).toBe('2025-11-01');
    const [row] = await ctx.dataSource.query('SELECT validUntil FROM activity WHERE id = ?', [activity.id]);
    expect(row.validUntil).toBe('2025-11-01');
    expect((await auditEntries(ctx.dataSource, created.id)).map((a) => a.action)).toEqual(['createAgreement', 'updateAgreement', 'endAgreement']);
    // An ended agreement is history: it cannot be changed or ended again.
    expect(await refusal(agreements.update(administrator, { id: created.id, title: 'x' } as never))).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(agreements.end(administrator, { id: created.id }))).toMatchObject({ code: 'CONFLICT' });
  });

  describe('bad input is refused with a code and the field, and changes nothing', () => {
    const cases: [string, () => Promise<unknown>, { code: string; field: string }][] = [
      [
        'end date before start date',
        async () => agreements.create(administrator, await input({ startsOn: '2026-03-01', endsOn: '2026-02-01' })),
        { code: 'BAD_USER_INPUT', field: 'endsOn' },
      ],
      [
        'review date before start date',
        async () => agreements.create(administrator, await input({ startsOn: '2026-03-01', reviewOn: '2026-01-01' })),
        { code: 'BAD_USER_INPUT', field: 'reviewOn' },
      ],
      [
        'partner contact who does not belong to the partner',
        async () => agreements.create(administrator, await input({ partnerContactPersonId: otherOrgContact })),
        { code: 'BAD_USER_INPUT', field: 'partnerContactPersonId' },
      ],
      [
        'team contact who does not work for the team',
        async () => agreements.create(administrator, await input({ teamContactPersonId: hiilContact })),
        { code: 'BAD_USER_INPUT', field: 'teamContactPersonId' },
      ],
      [
        'unknown neighbourhood (the second of two)',
        async () => agreements.create(administrator, await input({ neighbourhoodCodes: ['BU03440832', 'BU03449999'] })),
        { code: 'UNKNOWN_NEIGHBOURHOOD', field: 'neighbourhoodCodes.1' },
      ],
      [
        'malformed neighbourhood code',
        async () => agreements.create(administrator, await input({ neighbourhoodCodes: ['BU0344'] })),
        { code: 'INVALID_CBS_CODE', field: 'neighbourhoodCodes.0' },
      ],
      [
        'both an organisation and a person as partner',
        async () => agreements.create(administrator, await input({ personId: hiilContact })),
        { code: 'BAD_USER_INPUT', field: 'organisationId' },
      ],
      [
        'unknown team',
        async () => agreements.create(administrator, await input({ teamId: '00000000-0000-4000-8000-00000000dead' })),
        { code: 'NOT_FOUND', field: 'teamId' },
      ],
      [
        'a new agreement that is already ended',
        async () => agreements.create(administrator, await input({ status: AgreementStatus.ENDED })),
        { code: 'BAD_USER_INPUT', field: 'status' },
      ],
      [
        'a title over 200 characters',
        async () => agreements.create(administrator, await input({ title: 'x'.repeat(201) })),
        { code: 'BAD_USER_INPUT', field: 'title' },
      ],
      [
        'a date that does not exist',
        async () => agreements.create(administrator, await input({ startsOn: '2026-02-30' })),
        { code: 'BAD_USER_INPUT', field: 'startsOn' },
      ],
      [
        'no neighbourhood',
        async () => agreements.create(administrator, await input({ neighbourhoodCodes: [] })),
        { code: 'BAD_USER_INPUT', field: 'neighbourhoodCodes' },
      ],
    ];
    it.each(cases)('%s', async (_name, call, expected) => {
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal(call())).toMatchObject(expected);
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });

    it('ending before the start date', async () => {
      const created = await agreements.create(administrator, await input({ type: AgreementType.DUO_COACHING, startsOn: '2026-06-01' }));
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal(agreements.end(administrator, { id: created.id, endsOn: '2026-05-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });
  });

  describe('a consistent agreement', () => {
    it('an ACTIVE agreement needs both contact persons, a WIFA role and a review date; every missing part is listed; a draft may lack them', async () => {
      const before = await snapshotRows(ctx.dataSource);
      const bare = {
        type: AgreementType.REFERRAL_ROUTE,
        teamContactPersonId: null,
        partnerContactPersonId: null,
        appreciate: null,
        inform: null,
        facilitate: null,
        align: null,
        reviewOn: null,
      };
      const error = await extensionsOf(agreements.create(administrator, await input(bare)));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamContactPersonId' });
      expect((error as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
        'teamContactPersonId',
        'partnerContactPersonId',
        'appreciate',
        'reviewOn',
      ]);
      expect(await refusal(agreements.create(administrator, await input({ type: AgreementType.REFERRAL_ROUTE, reviewOn: null })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reviewOn',
      });
      expect(
        await refusal(
          agreements.create(administrator, await input({ type: AgreementType.REFERRAL_ROUTE, appreciate: ' ', inform: null, facilitate: null, align: null })),
        ),
      ).toMatchObject({ field: 'appreciate' });
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
      const draft = await agreements.create(administrator, await input({ ...bare, status: AgreementStatus.DRAFT }));
      expect(draft.status).toBe('DRAFT');
      // Making the draft active asks for the same parts.
      expect(await refusal(agreements.update(administrator, { id: draft.id, status: AgreementStatus.ACTIVE } as never))).toMatchObject({
        field: 'teamContactPersonId',
      });
      const active = await agreements.update(administrator, {
        id: draft.id,
        status: AgreementStatus.ACTIVE,
        teamContactPersonId: zuidwestWorker,
        partnerContactPersonId: hiilContact,
        inform: 'Nieuwsbrief',
        reviewOn: '2027-01-01',
      } as never);
      expect(active.status).toBe('ACTIVE');
    });

    it('refuses a duplicate (same parties, type, a shared buurt, overlapping period) with a pointer to the existing one', async () => {
      const [existing] = await agreements.list({ teamId: zuidwest, organisationId: hiilWadaag, status: AgreementStatus.ACTIVE });
      const before = await snapshotRows(ctx.dataSource);
      const error = await extensionsOf(
        agreements.create(
          administrator,
          await input({
            type: existing.type,
            neighbourhoodCodes: [existing.neighbourhoods[0].code],
            startsOn: existing.startsOn,
            title: 'Nog eens',
          }),
        ),
      );
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'neighbourhoodCodes', existingAgreementId: existing.id });
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
      // Another period (ending before the existing one starts), or another type, is no duplicate.
      const earlier = await agreements.create(
        administrator,
        await input({
          type: existing.type,
          neighbourhoodCodes: [existing.neighbourhoods[0].code],
          startsOn: '2020-01-01',
          reviewOn: '2020-06-01',
          endsOn: '2020-12-31',
          title: 'Eerder',
        }),
      );
      expect(earlier.id).toBeTruthy();
      // …but stretching it into the existing one's period is refused too.
      expect(await extensionsOf(agreements.update(administrator, { id: earlier.id, endsOn: null } as never))).toMatchObject({
        code: 'CONFLICT',
        existingAgreementId: existing.id,
      });
    });
  });

  describe('roles', () => {
    it('a coordinator of another team, a member, and nobody signed in are refused, and nothing changes', async () => {
      const before = await snapshotRows(ctx.dataSource);
      expect(await refusal(agreements.create(coordinatorOf(overvecht), await input()))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(agreements.create(memberOf(zuidwest), await input()))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(agreements.create(null, await input()))).toMatchObject({ code: 'UNAUTHENTICATED' });
      const [own] = await agreements.list({ teamId: zuidwest, status: AgreementStatus.ACTIVE });
      expect(await refusal(agreements.update(coordinatorOf(overvecht), { id: own.id, title: 'Overgenomen' } as never))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(agreements.end(coordinatorOf(overvecht), { id: own.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    });
  });

  it('a failure halfway through the transaction leaves no partial rows', async () => {
    const before = await snapshotRows(ctx.dataSource);
    // The audit entry is the last write of createAgreement: failing it must roll back the agreement and its neighbourhoods.
    const spy = vi.spyOn(ctx.get(AuditService), 'record').mockRejectedValueOnce(new Error('disk full'));
    await expect(agreements.create(administrator, await input({ title: 'Half geschreven', type: AgreementType.INFORMATION_MEETING }))).rejects.toThrow(
      'disk full',
    );
    spy.mockRestore();
    expect(await snapshotRows(ctx.dataSource)).toEqual(before);
    const [{ n }] = await ctx.dataSource.query("SELECT COUNT(*) AS n FROM agreement WHERE title = 'Half geschreven'");
    expect(n).toBe(0);
  });
});
