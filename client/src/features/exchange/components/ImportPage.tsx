import {
  Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Fieldset, FieldsetLegend, FormField,
  FormFieldDescription, FormLabel, Heading, Link, Paragraph, RadioButton, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { type ChangeEvent, useEffect, useRef } from 'react';
import type { CsvKind } from '../../../generated/graphql';
import { type ImportReport, useCsvImport } from '../hooks/use-csv-import';
import './exchange.css';

const KINDS: { value: CsvKind; label: string; template: string }[] = [
  { value: 'ORGANISATIONS', label: 'Organisaties', template: '/sjablonen/organisaties.csv' },
  { value: 'PERSONS', label: 'Personen (sleutelpersonen, tolken, contactpersonen)', template: '/sjablonen/personen.csv' },
];

const ERROR_TEXT: Record<string, string> = {
  UNAUTHENTICATED: 'U moet ingelogd zijn om te importeren.',
  FORBIDDEN: 'Alleen een coördinator of beheerder mag gegevens importeren.',
};

function Counts({ report, id }: { report: ImportReport; id: string }) {
  const items: [string, number][] = [
    ['Regels gelezen', report.records],
    [report.applied ? 'Nieuw' : 'Nieuw (zou worden toegevoegd)', report.new],
    [report.applied ? 'Gewijzigd' : 'Gewijzigd (zou worden bijgewerkt)', report.changed],
    ['Ongewijzigd', report.unchanged],
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
  return (
    <Table className="exchange__problems">
      <TableCaption>
        {report.problems.length === 1 ? '1 probleem' : `${report.problems.length} problemen`}: los ze op in het bestand en kies het opnieuw
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Rij</TableHeaderCell>
          <TableHeaderCell scope="col">Kolom</TableHeaderCell>
          <TableHeaderCell scope="col">Probleem</TableHeaderCell>
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
 */
export function ImportPage() {
  const csv = useCsvImport();
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const busy = csv.step === 'checking' || csv.step === 'importing';

  // Keyboard and screen reader users land on what just appeared.
  useEffect(() => {
    if (csv.step === 'checked') reportHeading.current?.focus();
    if (csv.step === 'imported') resultHeading.current?.focus();
  }, [csv.step]);

  useEffect(() => {
    document.title = 'Importeren – Sociale kaart';
  }, []);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    csv.setFile(chosen ? { name: chosen.name, content: await chosen.text() } : undefined);
  };

  const template = KINDS.find((k) => k.value === csv.kind)!.template;
  const report = csv.dryRunReport;

  return (
    <div className="utrecht-theme utrecht-document exchange">
      <header className="exchange__header">
        <Paragraph>
          <Link href="/">← Terug naar de kaart</Link>
        </Paragraph>
        <Heading level={1}>Importeren</Heading>
        <Paragraph lead>
          Importeer organisaties of personen uit een CSV-bestand (Excel: "Opslaan als CSV"). Eerst controleren we het
          bestand en ziet u per rij en kolom wat er niet klopt; er wordt pas iets opgeslagen als u daarna op
          "Importeren" drukt. Opnieuw hetzelfde bestand importeren verandert niets.
        </Paragraph>
      </header>

      <main className="exchange__main">
        <form
          aria-labelledby="exchange-form-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void csv.check();
          }}
        >
          <Heading level={2} id="exchange-form-heading">
            1. Kies wat u importeert
          </Heading>
          <Fieldset>
            <FieldsetLegend>Soort gegevens</FieldsetLegend>
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
                  {k.label}
                </FormLabel>
              </div>
            ))}
          </Fieldset>

          <FormField
            label={<FormLabel htmlFor="exchange-file">CSV-bestand</FormLabel>}
            description={
              <FormFieldDescription id="exchange-file-hint">
                Gebruik het sjabloon (<Link href={template}>download het sjabloon</Link>): de eerste regel bevat de kolomnamen,
                gescheiden door ; of ,.
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
              Controleren
            </Button>
          </ButtonGroup>
        </form>

        <div role="status" className="exchange__status">
          {csv.step === 'checking' ? (
            <>
              <progress aria-label="Bestand wordt gecontroleerd" /> Het bestand wordt gecontroleerd…
            </>
          ) : csv.step === 'importing' ? (
            <>
              <progress aria-label="Gegevens worden geïmporteerd" /> De gegevens worden geïmporteerd…
            </>
          ) : null}
        </div>

        {csv.error ? (
          <Alert type="error" role="alert">
            <Paragraph>{(csv.error.code && ERROR_TEXT[csv.error.code]) ?? csv.error.message}</Paragraph>
          </Alert>
        ) : null}

        {report ? (
          <section aria-labelledby="exchange-report-heading" aria-busy={busy} className="exchange__report">
            <Heading level={2} id="exchange-report-heading" ref={reportHeading} tabIndex={-1}>
              2. Controle van {csv.file?.name ?? 'het bestand'}
            </Heading>
            <Counts report={report} id="exchange-report-heading" />
            {report.problems.length ? (
              <ProblemTable report={report} />
            ) : (
              <>
                <Paragraph>Geen problemen gevonden. Er is nog niets opgeslagen.</Paragraph>
                {csv.step !== 'imported' ? (
                  <ButtonGroup>
                    <Button appearance="primary-action-button" disabled={!csv.canImport || busy} busy={csv.step === 'importing'} onClick={() => void csv.importNow()}>
                      Importeren
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
              3. Geïmporteerd
            </Heading>
            <Alert type="ok">
              <Paragraph>
                De import is opgeslagen: {csv.importReport.new} nieuw, {csv.importReport.changed} gewijzigd, {csv.importReport.unchanged} ongewijzigd.
              </Paragraph>
            </Alert>
            <Counts report={csv.importReport} id="exchange-result-heading" />
          </section>
        ) : null}

        <section aria-labelledby="exchange-downloads-heading" className="exchange__downloads">
          <Heading level={2} id="exchange-downloads-heading">
            Sjablonen en exports
          </Heading>
          <Heading level={3}>Sjablonen</Heading>
          <UnorderedList>
            <UnorderedListItem>
              <Link href="/sjablonen/organisaties.csv" download>Sjabloon organisaties (CSV)</Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link href="/sjablonen/personen.csv" download>Sjabloon personen (CSV)</Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link href="/sjablonen/LEESMIJ.md">Uitleg bij de sjablonen (LEESMIJ)</Link>
            </UnorderedListItem>
          </UnorderedList>
          <Heading level={3}>Exports</Heading>
          <UnorderedList>
            <UnorderedListItem>
              <Link href="/export/organisaties.csv" download>Alle organisaties (CSV)</Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link href="/export/personen.csv" download>Alle personen (CSV, alleen als u bent ingelogd)</Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link href="/hsds/organizations">Open Referral HSDS 3.1: organisaties (JSON)</Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link href="/hsds/services">Open Referral HSDS 3.1: diensten (JSON)</Link>
            </UnorderedListItem>
          </UnorderedList>
        </section>
      </main>
    </div>
  );
}
