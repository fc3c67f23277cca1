import { COLUMNS, CsvKind } from './csv-columns.js';
import { writeCsv } from './csv-format.js';

/** File names of the templates, in templates/ and under /sjablonen/ in the app. */
export const TEMPLATE_FILES: Record<CsvKind, string> = {
  [CsvKind.ORGANISATIONS]: 'organisaties.csv',
  [CsvKind.PERSONS]: 'personen.csv',
};
export const TEMPLATE_README = 'LEESMIJ.md';

/** A template: the header and one example row, in the format Dutch Excel opens directly. */
export function templateCsv(kind: CsvKind): string {
  const columns = COLUMNS[kind];
  return writeCsv(
    columns.map((c) => c.name),
    [columns.map((c) => c.example)],
  );
}

/** The Dutch explanation of every column of both templates. */
export function templateReadme(): string {
  const table = (kind: CsvKind) =>
    [
      '| kolom | betekenis | voorbeeld |',
      '|---|---|---|',
      ...COLUMNS[kind].map(
        (c) =>
          `| \`${c.name}\`${c.aliases?.length ? ` (ook: ${c.aliases.map((a) => `\`${a}\``).join(', ')})` : ''} | ${c.description.replace(/\|/g, '\\|')} | ${c.example ? `\`${c.example}\`` : ''} |`,
      ),
    ].join('\n');
  return `# Sjablonen voor het importeren van de sociale kaart

Dit bestand is gemaakt door \`npm run templates\` uit de kolommen in de code; pas het daar aan, niet hier.

Er zijn twee sjablonen: \`organisaties.csv\` en \`personen.csv\`. Ze staan in de map \`templates/\` en zijn in de app te downloaden via \`/sjablonen/organisaties.csv\` en \`/sjablonen/personen.csv\` (ook gelinkt vanaf de importpagina).

## Zo werkt het

- Open het sjabloon in Excel, LibreOffice of Google Sheets. De eerste regel (de kopregel) bevat de kolomnamen; de tweede regel is een voorbeeld: vervang die door uw eigen gegevens.
- Sla op als CSV. Puntkomma (\`;\`, zoals Nederlandse Excel doet) en komma (\`,\`) als scheidingsteken werken allebei; UTF-8 met of zonder BOM ook.
- Kolommen mogen in een andere volgorde staan en mogen ontbreken, behalve \`naam\`. Een kolom die ontbreekt laat de bestaande gegevens ongemoeid; een lege cel maakt het veld leeg.
- Meer waarden in één cel scheidt u met \`;\` (bijvoorbeeld \`som;nld\`). Gebruikt uw bestand zelf \`;\` als scheidingsteken, dan zet Excel zo'n cel vanzelf tussen aanhalingstekens.
- Rijnummers in meldingen tellen zoals in Excel: de kopregel is rij 1, het eerste record rij 2.
- Eerst komt altijd een proefimport: die meldt elk probleem met rij en kolom ("rij 14, kolom talen: 'Somalish' is geen bekende taal; bedoelt u Somalisch?") en schrijft niets. Pas als er geen problemen meer zijn, kunt u echt importeren. Dat gaat in één keer: alles of niets.
- Hetzelfde bestand nog eens importeren verandert niets. Records worden herkend aan \`extern_id\`, of, als dat leeg is, aan naam en buurt. Een export uit de sociale kaart vult \`extern_id\` met de sleutel van het record, zodat u kunt exporteren, bewerken en weer importeren.
- Importeren mag een coördinator of beheerder. Een coördinator wijzigt alleen personen van zijn eigen team(s) of zonder team.
- Persoonsgegevens: vraag en noteer toestemming voordat u iemand opneemt (\`toestemming_datum\`, \`toestemming_wijze\`, \`toestemming_vastgelegd_door\`). Telefoon en e-mail van personen zijn alleen zichtbaar voor ingelogde teamleden en staan alleen voor hen in een export.

Vanaf de opdrachtregel:

\`\`\`
npm run import:csv -- personen.csv --kind personen --dry-run
npm run import:csv -- personen.csv --kind personen
\`\`\`

## organisaties.csv

${table(CsvKind.ORGANISATIONS)}

## personen.csv

${table(CsvKind.PERSONS)}
`;
}
