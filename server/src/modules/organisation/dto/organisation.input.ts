import { Field, Float, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsIsoDate, IsPhoneNumber } from '../../../common/validators.js';
import { OrganisationKind } from '../organisation.entity.js';
import { Topic } from '../../person/person.entity.js';
import { ProfileFieldsInput } from '../../capability/dto/profile.input.js';
// Maximum lengths from the organisation rule set, so the edge check and the rules of every route cannot drift.
import { ORGANISATION_TEXT } from '../organisation.rules.js';

@InputType({ description: 'A new organisation (partner, venue)' })
export class CreateOrganisationInput extends ProfileFieldsInput {
  @Field(() => [Topic], { nullable: true, description: 'Themes the organisation works on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(Topic, { each: true, message: 'Onbekend thema' })
  topics?: Topic[];

  @Field()
  @IsString({ message: 'Naam is verplicht' })
  @IsNotEmpty({ message: 'Naam is verplicht' })
  @MaxLength(ORGANISATION_TEXT.name.max, { message: `Naam mag hoogstens ${ORGANISATION_TEXT.name.max} tekens zijn` })
  name: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind, { message: 'Kies een soort organisatie' })
  kind: OrganisationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANISATION_TEXT.description.max, { message: `Beschrijving mag hoogstens ${ORGANISATION_TEXT.description.max} tekens zijn` })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(ORGANISATION_TEXT.website.max, { message: `Website mag hoogstens ${ORGANISATION_TEXT.website.max} tekens zijn` })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Vul een geldig webadres in, beginnend met https://' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational phone number; Dutch unless it starts with a country code' })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(ORGANISATION_TEXT.email.max, { message: `E-mailadres mag hoogstens ${ORGANISATION_TEXT.email.max} tekens zijn` })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANISATION_TEXT.address.max, { message: `Adres mag hoogstens ${ORGANISATION_TEXT.address.max} tekens zijn` })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[1-9]\d{3} ?[A-Za-z]{2}$/, { message: 'Vul een postcode in als 1234 AB' })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(ORGANISATION_TEXT.city.max, { message: `Plaats mag hoogstens ${ORGANISATION_TEXT.city.max} tekens zijn` })
  city?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'Breedtegraad moet tussen -90 en 90 liggen' })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'Lengtegraad moet tussen -180 en 180 liggen' })
  lon?: number | null;

  @Field(() => [String], { defaultValue: [], description: 'Languages: ISO 639-3/639-1 codes or Dutch/English names' })
  @IsArray()
  @ArrayMaxSize(50, { message: 'Hoogstens 50 talen' })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'Taal mag hoogstens 100 tekens zijn' })
  languageCodes: string[];

  @Field(() => [String], { defaultValue: [], description: 'Community codes, e.g. somali' })
  @IsArray()
  @ArrayMaxSize(50, { message: 'Hoogstens 50 gemeenschappen' })
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: 'Gemeenschapscode mag hoogstens 40 tekens zijn' })
  communityCodes: string[];

  @Field(() => [String], { defaultValue: [], description: 'CBS codes of the neighbourhoods it serves' })
  @IsArray()
  @ArrayMaxSize(200, { message: 'Hoogstens 200 buurten' })
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
}

@InputType({ description: 'Changes to an organisation: only the fields given are changed; null clears an optional field' })
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput, { skipNullProperties: false, omitDefaultValues: true }) {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}
