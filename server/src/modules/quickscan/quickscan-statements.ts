/**
 * The QuickScan's 24 statements in four themes, in our own short words for neighbourhood teams, each
 * with a tip from starting to advanced. Source: "QuickScan diversiteitsensitief begeleiden" and its
 * overview of tips (background document 002, ../shared/background/); the statements paraphrase it, the
 * numbering follows it so teams can look up the original.
 */
export const QUICKSCAN_SOURCE =
  'Naar: QuickScan diversiteitsensitief begeleiden, met het overzicht van tips (achtergronddocument 002). Eigen korte formulering.';

export type QuickScanThemeKey = 'COMPETENCES' | 'METHODS' | 'CONDITIONS' | 'PROCESS';

export const QUICKSCAN_THEMES: Record<QuickScanThemeKey, { nl: string; en: string }> = {
  COMPETENCES: { nl: 'Competenties', en: 'Competences' },
  METHODS: { nl: 'Methoden', en: 'Methods' },
  CONDITIONS: { nl: 'Randvoorwaarden', en: 'Conditions' },
  PROCESS: { nl: 'Proces', en: 'Process' },
};

export interface QuickScanStatementDef {
  number: number;
  theme: QuickScanThemeKey;
  nl: string;
  en: string;
  tipNl: string;
  tipEn: string;
}

const s = (number: number, theme: QuickScanThemeKey, nl: string, en: string, tipNl: string, tipEn: string): QuickScanStatementDef => ({
  number,
  theme,
  nl,
  en,
  tipNl,
  tipEn,
});

export const QUICKSCAN_STATEMENTS: readonly QuickScanStatementDef[] = [
  s(
    1,
    'COMPETENCES',
    'We zien cultuurverschillen en weten ze te overbruggen.',
    'We notice cultural differences and know how to bridge them.',
    "Begin met het eigen referentiekader bespreken; later intervisie en meelopen met ervaren collega's.",
    'Start by discussing your own frame of reference; later peer review and shadowing experienced colleagues.',
  ),
  s(
    2,
    'COMPETENCES',
    'We overbruggen taalverschillen met bewoners.',
    'We bridge language differences with residents.',
    'Schat het taalniveau snel in en kies dan: sleutelpersoon, vertaalapp of tolk.',
    'Quickly estimate the language level, then choose: key person, translation app or interpreter.',
  ),
  s(
    3,
    'COMPETENCES',
    'We helpen bewoners basisvaardigheden voor het leven hier te versterken.',
    'We help residents strengthen basic skills for life here.',
    'Leer van ervaringsdeskundigen wat migratie met draagkracht doet.',
    'Learn from experts by experience what migration does to resilience.',
  ),
  s(
    4,
    'COMPETENCES',
    'We kunnen ervaringen met vooroordelen en discriminatie bespreekbaar maken.',
    'We can talk about experiences of prejudice and discrimination.',
    'Vraag in gesprekken actief naar zulke ervaringen; oefen het in casusbesprekingen.',
    'Ask about such experiences in conversations; practise it in case discussions.',
  ),
  s(
    5,
    'COMPETENCES',
    'Bij schulden, wonen of een klein netwerk houden we rekening met achtergrond en cultuur.',
    'With debts, housing or a small network we take background and culture into account.',
    'Weet waarom hulp vragen moeilijk kan zijn en pas de aanpak daarop aan.',
    'Know why asking for help can be hard and adapt the approach.',
  ),
  s(
    6,
    'COMPETENCES',
    'We luisteren open en zonder oordeel.',
    'We listen openly and without judgement.',
    'Maak eigen vooroordelen bespreekbaar in het team.',
    'Make your own biases a topic in the team.',
  ),
  s(
    7,
    'COMPETENCES',
    'We bouwen vertrouwen op, ook als de verschillen groot zijn.',
    'We build trust, even when differences are large.',
    'Neem er de tijd voor en werk samen met sleutelpersonen die het vertrouwen al hebben.',
    'Take time, and work with key persons who already have that trust.',
  ),
  s(
    8,
    'COMPETENCES',
    'We stemmen verwachtingen af met oog voor cultuurverschillen.',
    'We align expectations with an eye for cultural differences.',
    'Leg uit wat het team wel en niet kan doen, in eenvoudige taal.',
    'Explain what the team can and cannot do, in plain language.',
  ),
  s(
    9,
    'COMPETENCES',
    'We bespreken met partners hoe zij bewoners met een migratieachtergrond goed begeleiden.',
    'We discuss with partners how they support residents with a migration background well.',
    'Deel voorbeelden van wat werkt met werkgevers en organisaties.',
    'Share examples of what works with employers and organisations.',
  ),
  s(
    10,
    'METHODS',
    'Het is gewoon dat we waar nodig meer tijd nemen voor vertrouwen, taal en uitleg.',
    'Taking more time where needed for trust, language and explanation is normal for us.',
    'Maak ruimte in de planning; leg vast wanneer extra tijd nodig is.',
    'Make room in the planning; record when extra time is needed.',
  ),
  s(
    11,
    'METHODS',
    'Onze hulpmiddelen passen bij bewoners met een migratieachtergrond.',
    'Our tools fit residents with a migration background.',
    'Toets formulieren en keuzehulpen met ervaringsdeskundigen.',
    'Test forms and decision aids with experts by experience.',
  ),
  s(
    12,
    'METHODS',
    'We gebruiken passende communicatiehulp: tolken, brieven in eenvoudige taal, beeldmateriaal.',
    'We use fitting communication aids: interpreters, letters in plain language, visuals.',
    'Zorg dat formele tolken voor de grootste taalgroepen snel te vinden zijn.',
    'Make formal interpreters for the largest language groups easy to find.',
  ),
  s(
    13,
    'CONDITIONS',
    'De organisatie geeft ons tijd om een vertrouwensband op te bouwen.',
    'The organisation gives us time to build a bond of trust.',
    'Maak de extra tijd zichtbaar in de werklast.',
    'Make the extra time visible in the workload.',
  ),
  s(
    14,
    'CONDITIONS',
    'Bij de eerste kennismaking letten we op leefwereld, taal en kennis van het systeem.',
    'At intake we pay attention to everyday life, language and knowledge of the system.',
    'Voeg een paar vragen over taal en netwerk toe aan de intake.',
    'Add a few questions on language and network to the intake.',
  ),
  s(
    15,
    'CONDITIONS',
    'Iedereen in het team heeft methoden en trajecten die passen bij wat bewoners nodig hebben.',
    'Everyone in the team has methods and routes that fit what residents need.',
    'Houd de sociale kaart actueel zodat iedereen passende partners vindt.',
    'Keep the social map current so everyone finds fitting partners.',
  ),
  s(
    16,
    'CONDITIONS',
    'Bewoners kunnen een onafhankelijke cliëntondersteuner of maatje krijgen.',
    'Residents can get an independent client supporter or buddy.',
    'Werk met getrainde sleutelpersonen met een vrijwilligerscontract.',
    'Work with trained key persons with a volunteer contract.',
  ),
  s(
    17,
    'CONDITIONS',
    'Ons personeelsbeleid is gericht op diversiteit en inclusie.',
    'Our staffing policy aims at diversity and inclusion.',
    'Kijk bij werving naar talen en achtergronden die het team mist.',
    'When recruiting, look at languages and backgrounds the team lacks.',
  ),
  s(
    18,
    'CONDITIONS',
    "We gebruiken de ervaringskennis van collega's met een migratieachtergrond.",
    'We use the lived experience of colleagues with a migration background.',
    "Vraag collega's mee te denken, zonder hen tot tolk te maken.",
    'Ask colleagues to think along, without turning them into interpreters.',
  ),
  s(
    19,
    'CONDITIONS',
    'We werken samen met sleutelpersonen en zelforganisaties om drempels te verlagen.',
    'We work with key persons and self-organisations to lower barriers.',
    'Leg samenwerking vast in afspraken met een vaste contactpersoon aan beide kanten.',
    'Record cooperation in agreements with a fixed contact person on both sides.',
  ),
  s(
    20,
    'PROCESS',
    'We weten wat we nog moeten verbeteren.',
    'We know what we still need to improve.',
    'Vul deze scan elk jaar in en vergelijk met de vorige ronde.',
    'Fill in this scan every year and compare with the previous round.',
  ),
  s(
    21,
    'PROCESS',
    'We hebben een gedeelde visie op cultuursensitief werken.',
    'We have a shared vision on culture-sensitive work.',
    'Schrijf de visie kort op en bespreek hem met partners.',
    'Write the vision down briefly and discuss it with partners.',
  ),
  s(
    22,
    'PROCESS',
    'We hebben een plan met concrete doelen.',
    'We have a plan with concrete goals.',
    'Koppel doelen aan de witte vlekken in het bereik.',
    'Link goals to the gaps in reach.',
  ),
  s(
    23,
    'PROCESS',
    'Er is ondersteuning voor de verbetering: tijd, budget, trekkers.',
    'There is support for the improvement: time, budget, champions.',
    'Wijs per doel een trekker aan.',
    'Appoint a champion per goal.',
  ),
  s(
    24,
    'PROCESS',
    'Het management stuurt de verbetering aan en borgt haar.',
    'Management steers the improvement and secures it.',
    'Bespreek de uitkomsten van de scan in het managementoverleg.',
    "Discuss the scan's results in the management meeting.",
  ),
];

/** Statements beside which the product shows what the directory holds for the team's buurten. */
export const DIRECTORY_STATEMENTS = [2, 12, 16, 19] as const;
