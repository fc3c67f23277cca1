import { Button, ButtonGroup, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import type { NeighbourhoodAnalysisData } from '../hooks/use-neighbourhood-analysis';
import { paths } from '../../../app/router';
import { RecordTable } from '../../../components/RecordTable';
import { type PresenceBand, type PresenceSource, RecordCommunityPresenceDocument, UpdateCommunityPresenceDocument } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';

const SOURCES: PresenceSource[] = ['CBS', 'TEAM_ANALYSIS', 'KEY_PERSON', 'SCHOOL', 'OTHER'];
const BANDS: PresenceBand[] = ['FEW_HOUSEHOLDS', 'GROUP', 'LARGE_GROUP'];
const today = () => new Date().toISOString().slice(0, 10);

interface Draft {
  /** null: revising an existing line (its group stays). */
  id: string | null;
  groupKey: string;
  estimate: string;
  band: PresenceBand | '';
  source: PresenceSource;
  observedOn: string;
  note: string;
}
const EMPTY: Draft = { id: null, groupKey: '', estimate: '', band: '', source: 'TEAM_ANALYSIS', observedOn: '', note: '' };

/**
 * The neighbourhood analysis on the buurt page (issue 16): the communities and language groups the team
 * recorded as living here, each with an estimate (a number or a band), its source, date and note; a team
 * member with the right to (a coordinator of a team there, an administrator) records a group and revises
 * a line. The server judges every input (and who may); its Dutch message is shown by the field it names.
 */
export function NeighbourhoodAnalysis({
  code,
  name,
  canRecord,
  analysis,
}: {
  code: string;
  name: string;
  canRecord: boolean;
  analysis: NeighbourhoodAnalysisData;
}) {
  const { t, locale } = useI18n();
  const { data, reload } = analysis;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<{ field: string | undefined; message: string } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const headingId = `${formId}-heading`;

  const groups = useMemo(() => data?.reachGroups ?? [], [data]);
  const groupName = useMemo(() => {
    const names = new Map(groups.map((g) => [g.key, locale === 'nl' ? g.nameNl : g.nameEn]));
    return (p: { communityCode?: string | null; languageCode?: string | null }) => {
      const key = p.communityCode ? `community:${p.communityCode}` : `language:${p.languageCode}`;
      return names.get(key) ?? key;
    };
  }, [groups, locale]);
  const presences = data?.communityPresences ?? [];

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const open = (next: Draft) => {
    setDraft(next);
    setProblem(null);
    setDone('');
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setProblem(null);
    const estimate = draft.estimate.trim() === '' ? null : Number(draft.estimate);
    const common = {
      estimate: estimate !== null && Number.isFinite(estimate) ? estimate : null,
      band: draft.band || null,
      source: draft.source,
      observedOn: draft.observedOn,
      note: draft.note.trim() || null,
    };
    try {
      if (draft.id) {
        await graphqlRequest(UpdateCommunityPresenceDocument, { input: { id: draft.id, ...common } });
        setDone(t('analysis.revised', { group: groupName(presences.find((p) => p.id === draft.id) ?? {}) }));
      } else {
        const [kind, groupCode] = draft.groupKey.split(':');
        await graphqlRequest(RecordCommunityPresenceDocument, {
          input: {
            neighbourhoodCode: code,
            communityCode: kind === 'community' ? groupCode : null,
            language: kind === 'language' ? groupCode : null,
            ...common,
          },
        });
        setDone(t('analysis.saved', { group: groupName(kind === 'community' ? { communityCode: groupCode } : { languageCode: groupCode }), name }));
      }
      setDraft(null);
      reload();
    } catch (error) {
      const first = error instanceof GraphQLRequestError ? error.errors[0] : undefined;
      setProblem({ field: first?.field?.split('.').pop(), message: first?.message ?? String(error) });
    } finally {
      setBusy(false);
    }
  }

  // A message the server names no field of (or a field this form has no input for) stands above the buttons.
  const FIELDS = ['communityCode', 'language', 'estimate', 'band', 'source', 'observedOn', 'note'];
  const errorFor = (...fields: string[]) => (problem && problem.field && fields.includes(problem.field) ? problem.message : undefined);
  const general = problem && (!problem.field || !FIELDS.includes(problem.field)) ? problem.message : undefined;
  const fieldProps = (id: string, ...fields: string[]) => {
    const error = errorFor(...fields);
    return { id: `${formId}-${id}`, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${formId}-${id}-error` : undefined };
  };
  const fieldError = (id: string, ...fields: string[]) => {
    const error = errorFor(...fields);
    return error ? (
      <p id={`${formId}-${id}-error`} className="utrecht-form-field-error-message analysis__error">
        {error}
      </p>
    ) : null;
  };

  return (
    <section aria-labelledby={headingId} className="page__section analysis">
      <Heading level={2} id={headingId}>
        {t('analysis.heading')}
      </Heading>
      <Paragraph>{t('analysis.intro')}</Paragraph>
      {done ? (
        <Paragraph role="status" className="analysis__done">
          {done}
        </Paragraph>
      ) : null}
      <RecordTable
        utrecht
        caption={t('analysis.caption', { name })}
        className="analysis__table"
        wrapperClassName="reach__table-scroll"
        items={presences}
        empty={t('analysis.none')}
        rowKey={(p) => p.id}
        columns={[
          { header: t('analysis.group'), rowHeader: true, cell: (p) => groupName(p) },
          {
            header: t('analysis.size'),
            cell: (p) => (p.estimate !== null && p.estimate !== undefined ? String(p.estimate) : p.band ? t(`analysis.band.${p.band}`) : '–'),
          },
          { header: t('analysis.source'), cell: (p) => t(`analysis.source.${p.source}`) },
          { header: t('analysis.observedOn'), cell: (p) => p.observedOn },
          { header: t('analysis.note'), cell: (p) => p.note ?? '' },
          canRecord && {
            header: t('analysis.actions'),
            label: false,
            cell: (p) => (
              <Button
                appearance="subtle-button"
                aria-label={t('analysis.editLabel', { group: groupName(p) })}
                onClick={() =>
                  open({
                    id: p.id,
                    groupKey: '',
                    estimate: p.estimate !== null && p.estimate !== undefined ? String(p.estimate) : '',
                    band: p.band ?? '',
                    source: p.source,
                    observedOn: p.observedOn,
                    note: p.note ?? '',
                  })
                }
              >
                {t('analysis.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Paragraph>
        <Link href={paths.reach()}>{t('analysis.reachLink')}</Link>
      </Paragraph>

      {canRecord && !draft ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => open({ ...EMPTY, observedOn: today() })}>
            {t('analysis.add')}
          </Button>
        </ButtonGroup>
      ) : null}

      {canRecord && draft ? (
        <form className="analysis__form" onSubmit={submit} noValidate aria-labelledby={`${formId}-legend`}>
          <Heading level={3} id={`${formId}-legend`}>
            {draft.id ? t('analysis.editLabel', { group: groupName(presences.find((p) => p.id === draft.id) ?? {}) }) : t('analysis.add')}
          </Heading>
          {!draft.id ? (
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${formId}-group`}>
                {t('analysis.group')}
              </label>
              <select
                className="utrecht-select"
                {...fieldProps('group', 'communityCode', 'language')}
                value={draft.groupKey}
                onChange={(e) => set({ groupKey: e.target.value })}
                required
              >
                <option value="">{t('analysis.chooseGroup')}</option>
                <optgroup label={t('analysis.communities')}>
                  {groups
                    .filter((g) => g.kind === 'COMMUNITY')
                    .map((g) => (
                      <option key={g.key} value={g.key}>
                        {locale === 'nl' ? g.nameNl : g.nameEn}
                      </option>
                    ))}
                </optgroup>
                <optgroup label={t('analysis.languages')}>
                  {groups
                    .filter((g) => g.kind === 'LANGUAGE')
                    .map((g) => (
                      <option key={g.key} value={g.key}>
                        {locale === 'nl' ? g.nameNl : g.nameEn}
                      </option>
                    ))}
                </optgroup>
              </select>
              {fieldError('group', 'communityCode', 'language')}
              <p className="utrecht-form-field-description">{t('analysis.missingCommunity')}</p>
            </div>
          ) : null}
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${formId}-estimate`}>
              {t('analysis.estimate')}
            </label>
            <input
              className="utrecht-textbox"
              type="number"
              min={0}
              inputMode="numeric"
              {...fieldProps('estimate', 'estimate')}
              value={draft.estimate}
              onChange={(e) => set({ estimate: e.target.value })}
            />
            {fieldError('estimate', 'estimate')}
          </div>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${formId}-band`}>
              {t('analysis.band')}
            </label>
            <select
              className="utrecht-select"
              {...fieldProps('band', 'band')}
              value={draft.band}
              onChange={(e) => set({ band: e.target.value as PresenceBand | '' })}
            >
              <option value="">{t('analysis.bandNone')}</option>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`analysis.band.${b}`)}
                </option>
              ))}
            </select>
            {fieldError('band', 'band')}
          </div>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${formId}-source`}>
              {t('analysis.source')}
            </label>
            <select
              className="utrecht-select"
              {...fieldProps('source', 'source')}
              value={draft.source}
              onChange={(e) => set({ source: e.target.value as PresenceSource })}
            >
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`analysis.source.${s}`)}
                </option>
              ))}
            </select>
            {fieldError('source', 'source')}
          </div>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${formId}-observedOn`}>
              {t('analysis.observedOn')}
            </label>
            <input
              className="utrecht-textbox"
              type="date"
              max={today()}
              {...fieldProps('observedOn', 'observedOn')}
              value={draft.observedOn}
              onChange={(e) => set({ observedOn: e.target.value })}
            />
            {fieldError('observedOn', 'observedOn')}
          </div>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${formId}-note`}>
              {t('analysis.note')}
            </label>
            <textarea
              className="utrecht-textarea"
              rows={2}
              {...fieldProps('note', 'note')}
              value={draft.note}
              onChange={(e) => set({ note: e.target.value })}
            />
            {fieldError('note', 'note')}
          </div>
          {general ? (
            <Paragraph role="alert" className="error-text">
              {general}
            </Paragraph>
          ) : problem ? (
            <p role="alert" className="visually-hidden">
              {problem.message}
            </p>
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {draft.id ? t('analysis.saveRevision') : t('analysis.save')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setDraft(null)}>
              {t('analysis.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
