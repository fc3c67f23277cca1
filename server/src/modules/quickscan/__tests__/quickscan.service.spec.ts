import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { teamId } from '../../../../../test/support/demo-lookup.js';
import { RecordQuickScanRoundInput } from '../dto/quickscan.input.js';
import { QuickScanService } from '../quickscan.service.js';

let ctx: ServiceContext;
let service: QuickScanService;
let overvecht: string;

beforeAll(async () => {
  ctx = await startServiceContext();
  service = ctx.get(QuickScanService);
  overvecht = await teamId(ctx.dataSource, 'Buurtteam Overvecht-Noord');
}, 60_000);
afterAll(() => ctx?.close());

describe('QuickScanService', () => {
  it('24 statements in four themes, each citing the source', () => {
    const statements = service.statements();
    expect(statements.map((s) => s.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(statements.map((s) => s.theme))).toEqual(new Set(['COMPETENCES', 'METHODS', 'CONDITIONS', 'PROCESS']));
    expect(statements.every((s) => s.source.includes('002'))).toBe(true);
  });

  it("a team's coordinator records rounds; earlier rounds stay beside the new one", async () => {
    await service.record(
      coordinatorOf(overvecht),
      await validated(RecordQuickScanRoundInput, { teamId: overvecht, heldOn: '2025-11-01', answers: [{ statement: 2, score: 1 }] }),
    );
    await service.record(
      coordinatorOf(overvecht),
      await validated(RecordQuickScanRoundInput, {
        teamId: overvecht,
        heldOn: '2026-11-01',
        note: 'Tweede ronde',
        answers: [
          { statement: 2, score: 3, note: 'Tolken beter te vinden' },
          { statement: 19, score: 2 },
        ],
      }),
    );
    const rounds = await service.rounds(memberOf(overvecht), overvecht);
    expect(rounds.map((r) => r.heldOn)).toEqual(['2026-11-01', '2025-11-01']);
    expect(rounds[0].answers.map((a) => [a.statement, a.score])).toEqual([
      [2, 3],
      [19, 2],
    ]);
  });

  it('refuses bad input and other teams, writing nothing', async () => {
    const tables = ['quickscan_round', 'quickscan_answer', 'audit_entry'];
    const before = await snapshotRows(ctx.dataSource, tables);
    const good = { teamId: overvecht, heldOn: '2026-10-01', answers: [{ statement: 1, score: 2 }] };
    expect(await refusal(validated(RecordQuickScanRoundInput, { ...good, answers: [{ statement: 25, score: 2 }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'answers.0.statement',
    });
    expect(await refusal(validated(RecordQuickScanRoundInput, { ...good, answers: [{ statement: 3, score: 7 }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'answers.0.score',
    });
    expect(await refusal(service.record(administrator, await validated(RecordQuickScanRoundInput, { ...good, heldOn: '2999-01-01' })))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'heldOn',
    });
    expect(
      await refusal(service.record(administrator, await validated(RecordQuickScanRoundInput, { ...good, answers: [{ statement: 1 }, { statement: 1 }] }))),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.1.statement' });
    const zuidwest = await teamId(ctx.dataSource, 'Buurtteam Zuidwest');
    expect(await refusal(service.record(coordinatorOf(zuidwest), await validated(RecordQuickScanRoundInput, good)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service.record(memberOf(overvecht), await validated(RecordQuickScanRoundInput, good)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotRows(ctx.dataSource, tables)).toEqual(before);
  });

  it("beside statements 2, 12, 16 and 19: what the directory shows for the team's buurten", async () => {
    const evidence = await service.evidence(memberOf(overvecht), overvecht);
    expect(evidence.map((e) => e.statement)).toEqual([2, 12, 16, 19]);
    expect(evidence[1].lines.some((l) => /^Eritrese gemeenschap \(tir\): \d+ formele tolk/.test(l))).toBe(true);
    expect(evidence[3].lines[1]).toMatch(/actieve afspra(ak|ken) met organisaties/);
  });
});
