import { CompensationPeriod, InterpreterKind, InterpreterLevel, InterpreterMode, Standing, Wish } from '../capability/profile.enums.js';
import { Topic } from '../person/person.entity.js';
import { TOPIC, type Vocabulary } from './vocabulary.js';

/**
 * The profile fields of issue 15 on the exchange routes, in one table: the CSV column, the HSDS
 * attribute term, how the value is written, and which entity has it. The CSV columns
 * (csv-columns.ts) and the HSDS mapping (hsds-export.service.ts, hsds-import.service.ts) are built
 * from it, so a new field cannot reach one route and miss the other.
 */
export type ProfileValueKind = 'text' | 'date' | 'number' | 'yesNo' | 'one' | 'list' | 'capabilities';

export interface ProfileAttribute {
  field: string;
  /** CSV column (Dutch, as in the templates). */
  column: string;
  /** HSDS attribute term code (docs/hsds-profile.md); list values are one attribute each. */
  term: string;
  kind: ProfileValueKind;
  vocab?: Vocabulary<string>;
  entities: readonly ('Person' | 'Organisation')[];
  label: string;
  description: string;
  example: string;
  max?: number;
}

const vocabulary = <T extends string>(label: string, words: Record<T, string[]>): Vocabulary<T> => ({ label, words });

export const WISH = vocabulary<Wish>('wensen', {
  [Wish.TRAINING]: ['training'],
  [Wish.SUPPORT]: ['ondersteuning', 'begeleiding'],
  [Wish.COMPENSATION]: ['vergoeding'],
  [Wish.MORE_REQUESTS]: ['meer verzoeken', 'meer'],
  [Wish.FEWER_REQUESTS]: ['minder verzoeken', 'minder'],
});
export const STANDING = vocabulary<Standing>('draagvlak', {
  [Standing.YES]: ['ja'],
  [Standing.PARTLY]: ['deels', 'gedeeltelijk'],
  [Standing.NO]: ['nee'],
  [Standing.UNKNOWN]: ['onbekend'],
});
export const COMPENSATION_PERIOD = vocabulary<CompensationPeriod>('vergoeding_periode', {
  [CompensationPeriod.PER_SESSION]: ['per inzet', 'inzet', 'per keer'],
  [CompensationPeriod.PER_MONTH]: ['per maand', 'maand'],
  [CompensationPeriod.PER_YEAR]: ['per jaar', 'jaar'],
});
export const INTERPRETER_KIND = vocabulary<InterpreterKind>('tolk_soort', {
  [InterpreterKind.FORMAL]: ['formeel', 'rbtv', 'beedigd'],
  [InterpreterKind.FALLBACK_LIST]: ['uitwijklijst', 'reservelijst'],
  [InterpreterKind.INFORMAL]: ['informeel', 'vrijwilliger'],
});
export const INTERPRETER_LEVEL = vocabulary<InterpreterLevel>('tolk_niveau', {
  [InterpreterLevel.C1]: ['C1'],
  [InterpreterLevel.B2]: ['B2'],
});
export const INTERPRETER_MODE = vocabulary<InterpreterMode>('tolk_wijze', {
  [InterpreterMode.IN_PERSON]: ['op locatie', 'locatie', 'ter plaatse'],
  [InterpreterMode.TELEPHONE]: ['telefonisch', 'telefoon'],
  [InterpreterMode.VIDEO]: ['video', 'beeldbellen'],
});

const BOTH = ['Person', 'Organisation'] as const;
const PERSON = ['Person'] as const;

export const PROFILE_ATTRIBUTES: ProfileAttribute[] = [
  {
    field: 'capabilities',
    column: 'mogelijkheden',
    term: 'mogelijkheid',
    kind: 'capabilities',
    entities: BOTH,
    label: 'Mogelijkheden',
    description: "Wat de partner kan doen, codes of namen uit de lijst van mogelijkheden, gescheiden door ';' (bijvoorbeeld toeleiding;duo-coaching).",
    example: 'referral;accompany',
  },
  {
    field: 'topics',
    column: 'themas',
    term: 'thema',
    kind: 'list',
    vocab: TOPIC as Vocabulary<string>,
    entities: ['Organisation'],
    label: "Thema's",
    description: "Thema's waarop de organisatie actief is, gescheiden door ';'.",
    example: 'gezondheid;vrouwen',
  },
  {
    field: 'wishes',
    column: 'wensen',
    term: 'wens',
    kind: 'list',
    vocab: WISH,
    entities: BOTH,
    label: 'Wensen',
    description: "Wensen en behoeften, gescheiden door ';'.",
    example: 'training;minder verzoeken',
  },
  {
    field: 'wishesNote',
    column: 'wensen_toelichting',
    term: 'wensen_toelichting',
    kind: 'text',
    max: 1000,
    entities: BOTH,
    label: 'Toelichting wensen',
    description: 'Toelichting op wensen en behoeften.',
    example: '',
  },
  {
    field: 'standing',
    column: 'draagvlak',
    term: 'draagvlak',
    kind: 'one',
    vocab: STANDING,
    entities: BOTH,
    label: 'Draagvlak',
    description: 'Spreekt namens een groep (leeg: onbekend).',
    example: 'deels',
  },
  {
    field: 'standingNote',
    column: 'draagvlak_toelichting',
    term: 'draagvlak_toelichting',
    kind: 'text',
    max: 1000,
    entities: BOTH,
    label: 'Toelichting draagvlak',
    description: 'Voor welke groep, en waarom.',
    example: 'Bekend bij de vrouwengroep',
  },
  {
    field: 'standingJudgedBy',
    column: 'draagvlak_beoordeeld_door',
    term: 'draagvlak_beoordeeld_door',
    kind: 'text',
    max: 200,
    entities: BOTH,
    label: 'Draagvlak beoordeeld door',
    description: 'Wie het draagvlak beoordeelde (verplicht bij ja, deels of nee).',
    example: 'Ravi Jagesar',
  },
  {
    field: 'standingJudgedOn',
    column: 'draagvlak_beoordeeld_op',
    term: 'draagvlak_beoordeeld_op',
    kind: 'date',
    entities: BOTH,
    label: 'Draagvlak beoordeeld op',
    description: 'Wanneer het draagvlak is beoordeeld.',
    example: '2026-09-01',
  },
  {
    field: 'interpreterKind',
    column: 'tolk_soort',
    term: 'tolk_soort',
    kind: 'one',
    vocab: INTERPRETER_KIND,
    entities: PERSON,
    label: 'Soort tolk',
    description: 'Alleen voor tolken: formeel (Rbtv), uitwijklijst (geen Rbtv-inschrijving) of informeel.',
    example: '',
  },
  {
    field: 'interpreterLevel',
    column: 'tolk_niveau',
    term: 'tolk_niveau',
    kind: 'one',
    vocab: INTERPRETER_LEVEL,
    entities: PERSON,
    label: 'Rbtv-niveau',
    description: 'Rbtv-niveau van een formele tolk: C1 of B2.',
    example: '',
  },
  {
    field: 'registrationEndsOn',
    column: 'inschrijving_tot',
    term: 'inschrijving_tot',
    kind: 'date',
    entities: PERSON,
    label: 'Rbtv-inschrijving tot',
    description: 'Einddatum van de Rbtv-inschrijving (een inschrijving loopt 5 jaar).',
    example: '',
  },
  {
    field: 'interpreterModes',
    column: 'tolk_wijze',
    term: 'tolk_wijze',
    kind: 'list',
    vocab: INTERPRETER_MODE,
    entities: PERSON,
    label: 'Manier van tolken',
    description: "Op locatie, telefonisch en/of video, gescheiden door ';'.",
    example: '',
  },
  {
    field: 'trainedOn',
    column: 'training_datum',
    term: 'training_datum',
    kind: 'date',
    entities: PERSON,
    label: 'Datum training',
    description: 'Wanneer de sleutelpersoon de training volgde.',
    example: '2026-03-15',
  },
  {
    field: 'volunteerContractStartsOn',
    column: 'contract_begin',
    term: 'contract_begin',
    kind: 'date',
    entities: PERSON,
    label: 'Vrijwilligerscontract vanaf',
    description: 'Begindatum van het vrijwilligerscontract.',
    example: '2026-01-01',
  },
  {
    field: 'volunteerContractEndsOn',
    column: 'contract_eind',
    term: 'contract_eind',
    kind: 'date',
    entities: PERSON,
    label: 'Vrijwilligerscontract tot',
    description: 'Einddatum van het vrijwilligerscontract (leeg: doorlopend); niet vóór de begindatum.',
    example: '2026-12-31',
  },
  {
    field: 'compensationAmount',
    column: 'vergoeding',
    term: 'vergoeding',
    kind: 'number',
    entities: PERSON,
    label: 'Vergoeding',
    description: 'Vrijwilligersvergoeding in euro per periode, 0 of meer.',
    example: '25',
  },
  {
    field: 'compensationPeriod',
    column: 'vergoeding_periode',
    term: 'vergoeding_periode',
    kind: 'one',
    vocab: COMPENSATION_PERIOD,
    entities: PERSON,
    label: 'Periode vergoeding',
    description: 'Per inzet, per maand of per jaar.',
    example: 'per maand',
  },
  {
    field: 'supportedBy',
    column: 'begeleider',
    term: 'begeleider',
    kind: 'text',
    max: 200,
    entities: PERSON,
    label: 'Begeleider (oude notitie)',
    description: 'Oude vrije tekst over de begeleider; vervalt zodra begeleider_email een account noemt.',
    example: '',
  },
  {
    // A virtual field: the file names the account by its e-mail address, the record keeps its id (supportedByUserId).
    field: 'supporterEmail',
    column: 'begeleider_email',
    term: 'begeleider_email',
    kind: 'text',
    max: 200,
    entities: PERSON,
    label: 'Begeleider',
    description:
      'E-mailadres van het account van het teamlid dat de sleutelpersoon begeleidt: een actief lid van een team van de persoon of van uw eigen team.',
    example: '',
  },
  {
    field: 'paidRole',
    column: 'betaalde_rol',
    term: 'betaalde_rol',
    kind: 'yesNo',
    entities: PERSON,
    label: 'Betaalde rol',
    description: 'Betaalde rol, bijvoorbeeld een buurtbaan.',
    example: 'nee',
  },
];

export const profileAttributesOf = (entity: 'Person' | 'Organisation') => PROFILE_ATTRIBUTES.filter((a) => a.entities.includes(entity));

/** Fields stored as lists (simple-array columns): sorted, without blanks, in the flat form. */
export const LIST_FIELDS = ['topics', 'capabilities', 'wishes', 'interpreterModes'];

export { Topic };
