import { Button, FormLabel, Heading, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { GraphQLRequestError, graphqlRequest } from '../../../api/graphql-client';
import { useGraphQLQuery } from '../../../api/use-graphql-query';
import { QuickScanPageDocument, QuickScanTeamsDocument, RecordQuickScanRoundDocument } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading, PageState } from '../../registry/components/record-parts';
import { usePermissions } from '../../registry/hooks/use-permissions';
import { useI18n } from '../../../i18n/i18n';
import '../../reach/reach.css';

/** A team fills in the QuickScan (002): a score and a note per statement, earlier rounds beside it, and the directory beside statements 2, 12, 16 and 19. */
export function QuickScanPage({ teamId: initialTeam }: { teamId?: string }) {
  const { locale, formatDate, t } = useI18n();
  const { user } = useSession();
  const permissions = usePermissions();
  const teams = useGraphQLQuery(QuickScanTeamsDocument, {});
  const [teamId, setTeamId] = useState(initialTeam ?? user?.teams[0]?.id ?? '');
  const [reload, setReload] = useState(0);
  const { data, loading, error } = useGraphQLQuery(QuickScanPageDocument, { teamId }, { skip: !teamId, reloadKey: reload });
  const [scores, setScores] = useState<Record<number, string>>({});
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [roundNote, setRoundNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mayEdit = permissions.isAdministrator || (user?.role === 'COORDINATOR' && Boolean(user.teams.some((t) => t.id === teamId)));
  const statements = data?.quickScanStatements ?? [];
  const rounds = data?.quickScanRounds ?? [];
  const evidence = new Map((data?.quickScanEvidence ?? []).map((e) => [e.statement, e.lines]));
  const themes = [...new Set(statements.map((s) => s.theme))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const answers = statements
        .map((s) => ({ statement: s.number, score: scores[s.number] ? Number(scores[s.number]) : null, note: notes[s.number] || null }))
        .filter((a) => a.score !== null || a.note);
      await graphqlRequest(RecordQuickScanRoundDocument, { input: { teamId, heldOn, note: roundNote || null, answers } });
      setStatus(t('quickScan.saved', { date: formatDate(heldOn) }));
      setScores({});
      setNotes({});
      setRoundNote('');
      setReload((n) => n + 1);
    } catch (e) {
      setProblem(e instanceof GraphQLRequestError ? e.message : String(e));
    }
  };

  return (
    <article aria-labelledby="page-heading" className="quickscan">
      <PageHeading>{t('quickScan.heading')}</PageHeading>
      <Paragraph>{t('quickScan.intro')}</Paragraph>
      <div>
        <FormLabel htmlFor="quickscan-team">{t('quickScan.team')}</FormLabel>
        <Select id="quickscan-team" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
          <SelectOption value="">{t('quickScan.chooseTeam')}</SelectOption>
          {(teams.data?.teams ?? []).map((t) => (
            <SelectOption key={t.id} value={t.id}>
              {t.name}
            </SelectOption>
          ))}
        </Select>
      </div>
      {status ? <Paragraph role="status">{status}</Paragraph> : null}
      {problem ? (
        <Paragraph role="alert" className="error-text">
          {problem}
        </Paragraph>
      ) : null}
      <PageState loading={loading && !data} error={error} />
      {data ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {!mayEdit ? <Paragraph>{t('quickScan.readOnly')}</Paragraph> : null}
          <div className="quickscan__round">
            <FormLabel htmlFor="quickscan-date">{t('quickScan.date')}</FormLabel>
            <Textbox id="quickscan-date" type="date" value={heldOn} onChange={(event) => setHeldOn(event.target.value)} disabled={!mayEdit} />
            <FormLabel htmlFor="quickscan-note">{t('quickScan.note')}</FormLabel>
            <Textbox id="quickscan-note" value={roundNote} onChange={(event) => setRoundNote(event.target.value)} disabled={!mayEdit} />
          </div>
          {themes.map((theme) => {
            const inTheme = statements.filter((s) => s.theme === theme);
            return (
              <fieldset key={theme} className="quickscan__theme">
                <legend>
                  <Heading level={2}>{locale === 'en' ? inTheme[0].themeEn : inTheme[0].themeNl}</Heading>
                </legend>
                {inTheme.map((s) => {
                  const earlier = rounds.map((r) => ({ heldOn: r.heldOn, score: r.answers.find((a) => a.statement === s.number)?.score ?? null }));
                  const lines = evidence.get(s.number);
                  return (
                    <div key={s.number} className="quickscan__statement">
                      <p id={`qs-${s.number}`} className="quickscan__text">
                        <strong>{s.number}.</strong> {locale === 'en' ? s.textEn : s.textNl}
                      </p>
                      <p className="quickscan__tip">
                        {t('quickScan.tip')}: {locale === 'en' ? s.tipEn : s.tipNl}
                      </p>
                      <div className="quickscan__inputs">
                        <FormLabel htmlFor={`qs-score-${s.number}`}>
                          {t('quickScan.score')} {s.number}
                        </FormLabel>
                        <Select
                          id={`qs-score-${s.number}`}
                          aria-describedby={`qs-${s.number}`}
                          value={scores[s.number] ?? ''}
                          disabled={!mayEdit}
                          onChange={(event) => setScores((v) => ({ ...v, [s.number]: event.target.value }))}
                        >
                          <SelectOption value="">{t('quickScan.s0')}</SelectOption>
                          <SelectOption value="1">{t('quickScan.s1')}</SelectOption>
                          <SelectOption value="2">{t('quickScan.s2')}</SelectOption>
                          <SelectOption value="3">{t('quickScan.s3')}</SelectOption>
                          <SelectOption value="4">{t('quickScan.s4')}</SelectOption>
                        </Select>
                        <FormLabel htmlFor={`qs-note-${s.number}`}>
                          {t('quickScan.statementNote')} {s.number}
                        </FormLabel>
                        <Textbox
                          id={`qs-note-${s.number}`}
                          value={notes[s.number] ?? ''}
                          disabled={!mayEdit}
                          onChange={(event) => setNotes((v) => ({ ...v, [s.number]: event.target.value }))}
                        />
                      </div>
                      <p className="quickscan__earlier">
                        {t('quickScan.earlier')}:{' '}
                        {earlier.length ? earlier.map((e) => `${formatDate(e.heldOn)}: ${e.score ?? '–'}`).join(' · ') : t('quickScan.none')}
                      </p>
                      {lines ? (
                        <div className="quickscan__directory">
                          <p>
                            <strong>{t('quickScan.directory')}</strong>
                          </p>
                          <ul>
                            {lines.map((l) => (
                              <li key={l}>{l}</li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <p className="quickscan__source">{statements[0]?.source}</p>
          {mayEdit ? (
            <Button type="submit" appearance="primary-action-button">
              {t('quickScan.save')}
            </Button>
          ) : null}
        </form>
      ) : null}
    </article>
  );
}
