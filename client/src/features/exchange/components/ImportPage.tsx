import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type ChangeEvent, useEffect, useRef } from 'react';
import type { CsvKind } from '../../../generated/graphql';
import { useSession } from '../../auth/hooks/use-session';
import { PageHeading } from '../../registry/components/record-parts';
import { type Translate, useI18n } from '../../../i18n/i18n';
import { type ImportReport, useCsvImport } from '../hooks/use-csv-import';
import './exchange.css';

const KINDS: { value: CsvKind; template: string }[] = [
  { value: 'ORGANISATIONS', template: '/sjablonen/organisaties.csv' },
  { value: 'PERSONS', template: '/sjablonen/personen.csv' },
];

const ERROR_TEXT = { UNAUTHENTICATED: 'exchange.unauthenticated', FORBIDDEN: 'exchange.forbidden' } as const;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function errorText(error: { code?: string; message: string }, t: Translate): string {
  const key = error.code && error.code in ERROR_TEXT ? ERROR_TEXT[error.code as keyof typeof ERROR_TEXT] : undefined;
  return key ? t(key) : error.message;
}

function Counts({ report, id }: { report: ImportReport; id: string }) {
  const { t } = useI18n();
  const items: [string, number | string][] = [
    ...(report.encoding ? [[t('exchange.encoding'), report.encoding] as [string, string]] : []),
    [t('exchange.records'), report.records],
    [t(report.applied ? 'exchange.new' : 'exchange.newDry'), report.new],
    [t(report.applied ? 'exchange.changed' : 'exchange.changedDry'), report.changed],
    [t('exchange.unchanged'), report.unchanged],
  ];
  return (
    <DataList className="exchange__counts" aria-labelledby={id}>
      {items.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue value={String(value)}>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function ProblemTable({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const count = report.problems.length;
  return (
    <Table className="exchange__problems">
      <TableCaption>{t('exchange.problems', { count })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('exchange.row')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('exchange.column')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('exchange.problem')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.problems.map((p, i) => (
          <TableRow key={`${p.row}-${p.column}-${i}`}>
            <TableCell>{p.row}</TableCell>
            <TableCell>{p.column}</TableCell>
            <TableCell>{p.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Importeren: a CSV file of organisations or persons is first checked (dry run, nothing written) and
 * its report shown as a table; only a file without problems can then be imported, all or nothing.
 * Shown inside the page shell, so only to signed-in users; a member (who may not import) sees why,
 * and the templates and exports.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const mayImport = user?.role !== 'MEMBER';
  const csv = useCsvImport();
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const busy = csv.step === 'checking' || csv.step === 'importing';

  // Keyboard and screen reader users land on what just appeared.
  useEffect(() => {
    if (csv.step === 'checked') reportHeading.current?.focus();
    if (csv.step === 'imported') resultHeading.current?.focus();
  }, [csv.step]);

  // The page's own title while it is open; leaving it gives the other pages the app's title back.
  const appTitle = t('app.title');
  const title = `${t('exchange.heading')} – ${appTitle}`;
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = appTitle;
    };
  }, [title, appTitle]);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // The bytes, not text: the server detects Windows-1252 (Dutch Excel), UTF-8 and UTF-16 and says which it read.
    csv.setFile(chosen ? { name: chosen.name, base64: toBase64(new Uint8Array(await chosen.arrayBuffer())) } : undefined);
  };

  const template = KINDS.find((k) => k.value === csv.kind)!.template;
  const report = csv.dryRunReport;

  return (
    <article aria-labelledby="page-heading" className="exchange">
      <PageHeading>{t('exchange.heading')}</PageHeading>
      <Paragraph lead>{t('exchange.intro')}</Paragraph>

      {!mayImport ? (
        <Alert type="info">
          <Paragraph>{t('exchange.memberNotice')}</Paragraph>
        </Alert>
      ) : (
        <>
          <form
            aria-labelledby="exchange-form-heading"
            onSubmit={(event) => {
              event.preventDefault();
              void csv.check();
            }}
          >
            <Heading level={2} id="exchange-form-heading">
              {t('exchange.step1')}
            </Heading>
            <Fieldset>
              <FieldsetLegend>{t('exchange.kind')}</FieldsetLegend>
              {KINDS.map((k) => (
                <div className="exchange__radio" key={k.value}>
                  <RadioButton
                    id={`exchange-kind-${k.value}`}
                    name="kind"
                    value={k.value}
                    checked={csv.kind === k.value}
                    disabled={busy}
                    onChange={() => csv.setKind(k.value)}
                  />
                  <FormLabel htmlFor={`exchange-kind-${k.value}`} type="radio">
                    {t(`exchange.kind.${k.value}`)}
                  </FormLabel>
                </div>
              ))}
            </Fieldset>

            <FormField
              label={<FormLabel htmlFor="exchange-file">{t('exchange.file')}</FormLabel>}
              description={
                <FormFieldDescription id="exchange-file-hint">
                  {t('exchange.fileHintBefore')}
                  <Link href={template}>{t('exchange.fileHintLink')}</Link>
                  {t('exchange.fileHintAfter')}
                </FormFieldDescription>
              }
              input={
                <input
                  id="exchange-file"
                  className="utrecht-textbox exchange__file"
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby="exchange-file-hint"
                  disabled={busy}
                  onChange={(event) => void chooseFile(event)}
                />
              }
            />

            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" disabled={!csv.file || busy} busy={csv.step === 'checking'}>
                {t('exchange.check')}
              </Button>
            </ButtonGroup>
          </form>

          <div role="status" className="exchange__status">
            {csv.step === 'checking' ? (
              <>
                <progress aria-label={t('exchange.checkingLabel')} /> {t('exchange.checking')}
              </>
            ) : csv.step === 'importing' ? (
              <>
                <progress aria-label={t('exchange.importingLabel')} /> {t('exchange.importing')}
              </>
            ) : null}
          </div>

          {csv.error ? (
            <Alert type="error" role="alert">
              <Paragraph>{errorText(csv.error, t)}</Paragraph>
            </Alert>
          ) : null}

          {report ? (
            <section aria-labelledby="exchange-report-heading" aria-busy={busy} className="exchange__report">
              <Heading level={2} id="exchange-report-heading" ref={reportHeading} tabIndex={-1}>
                {t('exchange.step2', { file: csv.file?.name ?? t('exchange.theFile') })}
              </Heading>
              <Counts report={report} id="exchange-report-heading" />
              {report.problems.length ? (
                <ProblemTable report={report} />
              ) : (
                <>
                  <Paragraph>{t('exchange.noProblems')}</Paragraph>
                  {csv.step !== 'imported' ? (
                    <ButtonGroup>
                      <Button
                        appearance="primary-action-button"
                        disabled={!csv.canImport || busy}
                        busy={csv.step === 'importing'}
                        onClick={() => void csv.importNow()}
                      >
                        {t('exchange.submit')}
                      </Button>
                    </ButtonGroup>
                  ) : null}
                </>
              )}
            </section>
          ) : null}

          {csv.step === 'imported' && csv.importReport ? (
            <section aria-labelledby="exchange-result-heading" className="exchange__result">
              <Heading level={2} id="exchange-result-heading" ref={resultHeading} tabIndex={-1}>
                {t('exchange.step3')}
              </Heading>
              <Alert type="ok">
                <Paragraph>
                  {t('exchange.saved', { new: csv.importReport.new, changed: csv.importReport.changed, unchanged: csv.importReport.unchanged })}
                </Paragraph>
              </Alert>
              <Counts report={csv.importReport} id="exchange-result-heading" />
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="exchange-downloads-heading" className="exchange__downloads">
        <Heading level={2} id="exchange-downloads-heading">
          {t('exchange.downloads')}
        </Heading>
        <Heading level={3}>{t('exchange.templates')}</Heading>
        <UnorderedList>
          <UnorderedListItem>
            <Link href="/sjablonen/organisaties.csv" download>
              {t('exchange.templateOrganisations')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="/sjablonen/personen.csv" download>
              {t('exchange.templatePersons')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="/sjablonen/LEESMIJ.md">{t('exchange.templateReadme')}</Link>
          </UnorderedListItem>
        </UnorderedList>
        <Heading level={3}>{t('exchange.exports')}</Heading>
        <UnorderedList>
          <UnorderedListItem>
            <Link href="/export/organisaties.csv" download>
              {t('exchange.exportOrganisations')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="/export/personen.csv" download>
              {t('exchange.exportPersons')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="/hsds/organizations">{t('exchange.hsdsOrganisations')}</Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href="/hsds/services">{t('exchange.hsdsServices')}</Link>
          </UnorderedListItem>
        </UnorderedList>
      </section>
    </article>
  );
}
