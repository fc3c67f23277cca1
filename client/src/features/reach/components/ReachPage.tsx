import { Button, ButtonGroup, FormLabel, Heading, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { paths } from '../../../app/router';
import {
  type GapStatus,
  ReachGroupsDocument,
  ReachMatrixDocument,
  type ReachLevel,
  ReachTrendDocument,
  TakeReachSnapshotDocument,
} from '../../../generated/graphql';
import { useClientSettings } from '../../app-settings/hooks/use-client-settings';
import { useSession } from '../../auth/hooks/use-session';
import { useNeighbourhoods } from '../../neighbourhood/hooks/use-neighbourhoods';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import { matrixCsv, STATUS_COLOUR, STATUS_MARK } from '../reach-status';
import { useReachText } from '../reach-text';
import { ReachMap } from './ReachMap';
import { ReachTrend } from './ReachTrend';
import '../reach.css';

/**
 * Bereik: where the network reaches the groups that live in the buurten, and where it falls short.
 * A choropleth, the largest gaps in words, the matrix as a table (colour, mark and word), CSV and print.
 */
export function ReachPage() {
  const { rt, locale, formatDate } = useReachText();
  const { user } = useSession();
  const { settings } = useClientSettings();
  const [groupKey, setGroupKey] = useState('');
  const [level, setLevel] = useState<ReachLevel>('NEIGHBOURHOOD');
  const [reload, setReload] = useState(0);
  const [snapshotDone, setSnapshotDone] = useState<string | null>(null);
  const input = useMemo(() => {
    const [kind, code] = groupKey.split(':');
    return { level, communityCode: kind === 'community' ? code : undefined, language: kind === 'language' ? code : undefined };
  }, [groupKey, level]);
  const matrixQuery = useGraphQLQuery(ReachMatrixDocument, { input });
  const groupsQuery = useGraphQLQuery(ReachGroupsDocument, {});
  const trendQuery = useGraphQLQuery(ReachTrendDocument, {}, { reloadKey: reload });
  const { neighbourhoods } = useNeighbourhoods();
  const matrix = matrixQuery.data?.reachMatrix;
  const nameOf = (g: { nameNl: string; nameEn: string }) => (locale === 'en' ? g.nameEn : g.nameNl);
  const cellByKey = useMemo(() => new Map((matrix?.cells ?? []).map((c) => [`${c.areaCode}|${c.groupKey}`, c])), [matrix]);
  const statusText = (status: GapStatus) => rt(`reach.status.${status}`);
  // The choice offers the communities and the language groups that are recorded somewhere.
  const presentKeys = new Set(matrixQuery.data && !groupKey ? matrix?.groups.map((g) => g.key) : []);
  const choices = (groupsQuery.data?.reachGroups ?? []).filter((g) => g.kind === 'COMMUNITY' || presentKeys.has(g.key) || g.key === groupKey);
  const mayTakeSnapshot = user?.role === 'COORDINATOR' || user?.role === 'ADMINISTRATOR';

  const mapAreas = useMemo(() => {
    if (!matrix || matrix.level !== 'NEIGHBOURHOOD') return [];
    const status = new Map(matrix.areas.map((a) => [a.code, a.status]));
    return neighbourhoods.map((n) => {
      const s = status.get(n.code) ?? 'NONE';
      return { code: n.code, name: n.name, geometry: n.geometry, status: s, label: `${n.name}: ${rt(`reach.status.${s}`)}` };
    });
  }, [matrix, neighbourhoods, rt]);

  const downloadCsv = () => {
    if (!matrix) return;
    const csv = matrixCsv(
      matrix.areas,
      matrix.groups.map((g) => ({ key: g.key, name: nameOf(g) })),
      (area, group) => {
        const c = cellByKey.get(`${area}|${group}`);
        return c ? rt(`reach.short.${c.status}`) : '';
      },
      rt(level === 'DISTRICT' ? 'reach.levelDistrict' : 'reach.levelNeighbourhood'),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `bereik-${matrix.computedOn}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const takeSnapshot = async () => {
    const result = await graphqlRequest(TakeReachSnapshotDocument, {});
    setSnapshotDone(result.takeReachSnapshot.month);
    setReload((n) => n + 1);
  };

  return (
    <article aria-labelledby="page-heading" aria-busy={matrixQuery.loading} className="reach">
      <PageHeading>{rt('reach.heading')}</PageHeading>
      <fieldset className="reach__filters">
        <legend>{rt('reach.filters')}</legend>
        <div>
          <FormLabel htmlFor="reach-group">{rt('reach.group')}</FormLabel>
          <Select id="reach-group" value={groupKey} onChange={(event) => setGroupKey(event.target.value)}>
            <SelectOption value="">{rt('reach.allGroups')}</SelectOption>
            {choices.map((g) => (
              <SelectOption key={g.key} value={g.key}>
                {nameOf(g)}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div>
          <FormLabel htmlFor="reach-level">{rt('reach.level')}</FormLabel>
          <Select id="reach-level" value={level} onChange={(event) => setLevel(event.target.value as ReachLevel)}>
            <SelectOption value="NEIGHBOURHOOD">{rt('reach.levelNeighbourhood')}</SelectOption>
            <SelectOption value="DISTRICT">{rt('reach.levelDistrict')}</SelectOption>
          </Select>
        </div>
        <ButtonGroup className="reach__actions">
          <Button type="button" appearance="secondary-action-button" onClick={downloadCsv} disabled={!matrix}>
            {rt('reach.exportCsv')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
            {rt('reach.print')}
          </Button>
          {mayTakeSnapshot ? (
            <Button type="button" appearance="secondary-action-button" onClick={() => void takeSnapshot()}>
              {rt('reach.snapshot')}
            </Button>
          ) : null}
        </ButtonGroup>
      </fieldset>
      {snapshotDone ? <Paragraph role="status">{rt('reach.snapshotDone', { month: snapshotDone })}</Paragraph> : null}
      <PageState loading={matrixQuery.loading && !matrix} error={matrixQuery.error} />
      {/* Everything that waits for the matrix comes below the filters, together: nothing above it moves when it arrives. */}
      {matrix ? (
        <>
          <Paragraph>{rt('reach.intro', { date: formatDate(matrix.computedOn) })}</Paragraph>
          <Paragraph className="reach__rules">
            {rt('reach.rules', { km: String(matrix.settings.distanceKm).replace('.', ','), walk: String(matrix.settings.walkInDistanceKm).replace('.', ',') })}
          </Paragraph>
        </>
      ) : null}
      {matrix && !matrix.cells.length ? <Paragraph>{rt('reach.empty')}</Paragraph> : null}
      {matrix && matrix.cells.length ? (
        <>
          <section aria-labelledby="reach-gaps" className="reach__section">
            <Heading level={2} id="reach-gaps">
              {rt('reach.gapsHeading')}
            </Heading>
            {matrix.gaps.length ? (
              <ul className="reach__gaps">
                {matrix.gaps.map((g) => (
                  <li key={`${g.areaCode}|${g.groupKey}`}>
                    <span className="reach-status" style={{ background: STATUS_COLOUR[g.status] }}>
                      {STATUS_MARK[g.status]} {rt(`reach.short.${g.status}`)}
                    </span>{' '}
                    {level === 'NEIGHBOURHOOD' ? <a href={paths.reachCell(g.areaCode, g.groupKey)}>{g.text}</a> : g.text}
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>{rt('reach.noGaps')}</Paragraph>
            )}
          </section>
          {level === 'NEIGHBOURHOOD' ? (
            <section aria-labelledby="reach-map" className="reach__section">
              <Heading level={2} id="reach-map">
                {rt('reach.mapHeading')}
              </Heading>
              <ReachMap areas={mapAreas} tileUrl={settings?.tileUrl} tileAttribution={settings?.tileAttribution} label={rt('reach.mapLabel')} />
              <ul className="reach__legend">
                {(['RED', 'AMBER', 'GREEN', 'NONE'] as const).map((s) => (
                  <li key={s}>
                    <span className="reach-status" style={{ background: STATUS_COLOUR[s] }}>
                      {STATUS_MARK[s]}
                    </span>{' '}
                    {statusText(s)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="reach-matrix" className="reach__section">
            <Heading level={2} id="reach-matrix">
              {rt('reach.matrixHeading')}
            </Heading>
            <div className="reach__scroll" tabIndex={0} role="region" aria-labelledby="reach-matrix">
              <table className="reach-table">
                <caption>
                  {rt('reach.matrixCaption', { level: rt(level === 'DISTRICT' ? 'reach.levelDistrict' : 'reach.levelNeighbourhood').toLowerCase() })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{rt('reach.area')}</th>
                    {matrix.groups.map((g) => (
                      <th scope="col" key={g.key}>
                        {nameOf(g)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.areas
                    .filter((a) => a.status !== 'NONE')
                    .map((area) => (
                      <tr key={area.code}>
                        <th scope="row">{area.name}</th>
                        {matrix.groups.map((g) => {
                          const cell = cellByKey.get(`${area.code}|${g.key}`);
                          if (!cell) return <td key={g.key} />;
                          const label = `${rt(`reach.short.${cell.status}`)}`;
                          return (
                            <td
                              key={g.key}
                              className={`reach-cell reach-cell--${cell.status.toLowerCase()}`}
                              style={{ background: STATUS_COLOUR[cell.status] }}
                            >
                              {level === 'NEIGHBOURHOOD' ? (
                                <a
                                  href={paths.reachCell(area.code, g.key)}
                                  aria-label={rt('reach.cellLink', { status: statusText(cell.status), group: nameOf(g), area: area.name })}
                                >
                                  {STATUS_MARK[cell.status]} {label}
                                </a>
                              ) : (
                                <span>
                                  {STATUS_MARK[cell.status]} {label}
                                </span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
      {matrix ? (
        <section aria-labelledby="reach-trend" className="reach__section">
          <Heading level={2} id="reach-trend">
            {rt('reach.trendHeading')}
          </Heading>
          <ReachTrend points={trendQuery.data?.reachTrend ?? []} rt={rt} />
        </section>
      ) : null}
    </article>
  );
}
