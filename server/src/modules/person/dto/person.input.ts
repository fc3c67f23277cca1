import { Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ProfileFieldsInput } from '../../capability/dto/profile.input.js';
import { CompensationPeriod, InterpreterKind, InterpreterLevel, InterpreterMode } from '../../capability/profile.enums.js';
import { IsIsoDate, IsPhoneNumber } from '../../../common/validators.js';
import { LanguageLevel } from '../person-language.entity.js';
import { Availability, ConsentMethod, PersonRole, Topic } from '../person.entity.js';
// Maximum lengths from the person rule set, so the edge check and the rules of every route cannot drift.
import { PERSON_TEXT } from '../person.rules.js';

@InputType({ description: 'The consent a person record rests on (AVG): when, how, and who recorded it' })
export class ConsentInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsIsoDate({ message: 'Datum van toestemming moet een datum zijn als JJJJ-MM-DD' })
  givenOn: string;

  @Field(() => ConsentMethod)
  @IsEnum(ConsentMethod, { message: 'Kies hoe de toestemming is gegeven' })
  method: ConsentMethod;

  @Field({ description: 'Who recorded the consent' })
  @IsString({ message: 'Vul in wie de toestemming heeft vastgelegd' })
  @IsNotEmpty({ message: 'Vul in wie de toestemming heeft vastgelegd' })
  @MaxLength(PERSON_TEXT.consentRecordedBy.max, { message: `Naam van wie vastlegde mag hoogstens ${PERSON_TEXT.consentRecordedBy.max} tekens zijn` })
  recordedBy: string;
}

@InputType({ description: 'A language a person speaks, with the level' })
export class PersonLanguageInput {
  @Field({ description: 'ISO 639-3/639-1 code or Dutch/English name' })
  @IsString()
  @MaxLength(100, { message: 'Taal mag hoogstens 100 tekens zijn' })
  language: string;

  @Field(() => LanguageLevel)
  @IsEnum(LanguageLevel, { message: 'Kies een niveau: moedertaal, vloeiend of basis' })
  level: LanguageLevel;
}

@InputType({ description: 'A new key person, interpreter or contact person' })
export class CreatePersonInput extends ProfileFieldsInput {
  @Field()
  @IsString({ message: 'Naam is verplicht' })
  @IsNotEmpty({ message: 'Naam is verplicht' })
  @MaxLength(PERSON_TEXT.name.max, { message: `Naam mag hoogstens ${PERSON_TEXT.name.max} tekens zijn` })
  name: string;

  @Field(() => [PersonRole], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(PersonRole, { each: true, message: 'Onbekende rol' })
  roles: PersonRole[];

  @Field(() => Boolean, { nullable: true, description: 'Required for interpreters: formal (sworn, Rbtv) or informal' })
  @IsOptional()
  @IsBoolean()
  interpreterFormal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Rbtv registration number (formal interpreters only)' })
  @IsOptional()
  @IsString()
  @MaxLength(PERSON_TEXT.registrationNumber.max, { message: `Registratienummer mag hoogstens ${PERSON_TEXT.registrationNumber.max} tekens zijn` })
  registrationNumber?: string | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  trainedKeyPerson: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  volunteerContract: boolean;

  @Field(() => InterpreterKind, { nullable: true, description: 'Formal (Rbtv), fallback list (uitwijklijst) or informal; sets interpreterFormal' })
  @IsOptional()
  @IsEnum(InterpreterKind, { message: 'Kies formeel (Rbtv), uitwijklijst of informeel' })
  interpreterKind?: InterpreterKind | null;

  @Field(() => InterpreterLevel, { nullable: true, description: 'Rbtv level (formal interpreters)' })
  @IsOptional()
  @IsEnum(InterpreterLevel, { message: 'Kies het Rbtv-niveau: C1 of B2' })
  interpreterLevel?: InterpreterLevel | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the Rbtv registration ends' })
  @IsOptional()
  @IsIsoDate({ message: 'Einddatum van de Rbtv-inschrijving moet een datum zijn als JJJJ-MM-DD' })
  registrationEndsOn?: string | null;

  @Field(() => [InterpreterMode], { nullable: true, description: 'How the interpreter works (empty: in person)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(InterpreterMode, { each: true, message: 'Kies op locatie, telefonisch of video' })
  interpreterModes?: InterpreterMode[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the key person training was completed' })
  @IsOptional()
  @IsIsoDate({ message: 'Datum van de training moet een datum zijn als JJJJ-MM-DD' })
  trainedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate({ message: 'Begindatum van het vrijwilligerscontract moet een datum zijn als JJJJ-MM-DD' })
  volunteerContractStartsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; empty when open-ended' })
  @IsOptional()
  @IsIsoDate({ message: 'Einddatum van het vrijwilligerscontract moet een datum zijn als JJJJ-MM-DD' })
  volunteerContractEndsOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'Compensation in euros per period, at least 0' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Vergoeding moet een bedrag zijn' })
  compensationAmount?: number | null;

  @Field(() => CompensationPeriod, { nullable: true })
  @IsOptional()
  @IsEnum(CompensationPeriod, { message: 'Kies per inzet, per maand of per jaar' })
  compensationPeriod?: CompensationPeriod | null;

  @Field(() => String, { nullable: true, description: 'The team member who supports this key person' })
  @IsOptional()
  @IsString()
  @MaxLength(PERSON_TEXT.supportedBy.max, { message: `Naam van de begeleider mag hoogstens ${PERSON_TEXT.supportedBy.max} tekens zijn` })
  supportedBy?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user account of the team member who supports this key person (replaces the old note supportedBy)' })
  @IsOptional()
  @IsString({ message: 'Kies een begeleider uit de lijst' })
  @MaxLength(36, { message: 'Onbekende begeleider' })
  supportedByUserId?: string | null;

  @Field({ nullable: true, description: 'Paid role, e.g. a neighbourhood job (buurtbaan)' })
  @IsOptional()
  @IsBoolean()
  paidRole?: boolean;

  @Field(() => String, { nullable: true, description: 'Personal phone; visible to signed-in team members only' })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal e-mail; visible to signed-in team members only' })
  @IsOptional()
  @MaxLength(PERSON_TEXT.email.max, { message: `E-mailadres mag hoogstens ${PERSON_TEXT.email.max} tekens zijn` })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl' })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  organisationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  teamId?: string | null;

  @Field(() => [Topic], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(Topic, { each: true, message: 'Onbekend thema' })
  topics: Topic[];

  @Field(() => Availability, { defaultValue: Availability.AVAILABLE })
  @IsEnum(Availability)
  availability: Availability;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PERSON_TEXT.availabilityNote.max, { message: `Toelichting op beschikbaarheid mag hoogstens ${PERSON_TEXT.availabilityNote.max} tekens zijn` })
  availabilityNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Own maximum of referrals per month (1–100); null: none' })
  @IsOptional()
  @IsInt({ message: 'Maximum aantal verwijzingen per maand moet een heel getal zijn' })
  maxReferralsPerMonth?: number | null;

  @Field(() => ConsentInput, { nullable: true, description: 'Required: no person is registered without a consent record' })
  @IsDefined({ message: 'Toestemming is verplicht: vul in wanneer en hoe de persoon toestemming gaf' })
  @ValidateNested()
  @Type(() => ConsentInput)
  consent: ConsentInput;

  @Field(() => [PersonLanguageInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, { message: 'Hoogstens 20 talen' })
  @ValidateNested({ each: true })
  @Type(() => PersonLanguageInput)
  languages: PersonLanguageInput[];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  communityCodes: string[];

  @Field(() => [String], { defaultValue: [], description: 'CBS codes of the neighbourhoods the person is active in' })
  @IsArray()
  @ArrayMaxSize(50, { message: 'Hoogstens 50 buurten' })
  @IsString({ each: true })
  @MaxLength(10, { each: true, message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCodes: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; when someone last checked the entry' })
  @IsOptional()
  @IsIsoDate({ message: 'Laatst gecontroleerd moet een datum zijn als JJJJ-MM-DD' })
  lastVerifiedOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Do not list (the partner asked, or the team decided): kept, but left out of matching, the map and exports',
  })
  @IsOptional()
  @IsBoolean({ message: 'Niet tonen moet ja of nee zijn' })
  doNotList?: boolean | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the person withdrew their consent' })
  @IsOptional()
  @IsIsoDate({ message: 'Toestemming ingetrokken moet een datum zijn als JJJJ-MM-DD' })
  consentWithdrawnOn?: string | null;
}

@InputType({ description: 'Changes to a person: only the fields given are changed; null clears an optional field' })
export class UpdatePersonInput extends PartialType(CreatePersonInput, { skipNullProperties: false, omitDefaultValues: true }) {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}
