import { registerEnumType } from '@nestjs/graphql';

/** Wishes and needs of a partner: a small fixed set, with a note for the rest. */
export enum Wish {
  TRAINING = 'TRAINING',
  SUPPORT = 'SUPPORT',
  COMPENSATION = 'COMPENSATION',
  MORE_REQUESTS = 'MORE_REQUESTS',
  FEWER_REQUESTS = 'FEWER_REQUESTS',
}
registerEnumType(Wish, { name: 'Wish', description: 'Wensen en behoeften: training, ondersteuning, vergoeding, meer of minder verzoeken' });

/** Draagvlak: whether the partner can speak for a group (001 ch. 3). */
export enum Standing {
  YES = 'YES',
  PARTLY = 'PARTLY',
  NO = 'NO',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Standing, { name: 'Standing', description: 'Draagvlak: spreekt namens een groep (ja, deels, nee, onbekend)' });

export enum CompensationPeriod {
  PER_SESSION = 'PER_SESSION',
  PER_MONTH = 'PER_MONTH',
  PER_YEAR = 'PER_YEAR',
}
registerEnumType(CompensationPeriod, { name: 'CompensationPeriod', description: 'Vergoeding per inzet, per maand of per jaar' });

/** Formal (Rbtv), the Rbtv fallback list (uitwijklijst, not a registration) or informal: never blurred. */
export enum InterpreterKind {
  FORMAL = 'FORMAL',
  FALLBACK_LIST = 'FALLBACK_LIST',
  INFORMAL = 'INFORMAL',
}
registerEnumType(InterpreterKind, { name: 'InterpreterKind', description: 'Formeel (Rbtv), uitwijklijst (geen Rbtv-inschrijving) of informeel' });

/** The Rbtv registers interpreters at C1 or B2 (ERK). */
export enum InterpreterLevel {
  C1 = 'C1',
  B2 = 'B2',
}
registerEnumType(InterpreterLevel, { name: 'InterpreterLevel', description: 'Rbtv-niveau: C1 of B2' });

export enum InterpreterMode {
  IN_PERSON = 'IN_PERSON',
  TELEPHONE = 'TELEPHONE',
  VIDEO = 'VIDEO',
}
registerEnumType(InterpreterMode, { name: 'InterpreterMode', description: 'Op locatie, telefonisch of via video; telefonisch en video tellen zonder afstand' });
