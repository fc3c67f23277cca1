import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validators.js';
import { Topic } from '../../person/person.entity.js';
import { PartnerKind } from '../../matching/models/match.model.js';
import { ReferralOutcome } from '../referral.entity.js';

/**
 * A contact moment, chosen from lists in a few clicks. On purpose there is no note or other free
 * text: nothing here can carry a resident's name (see the README, "Verwijzingen").
 */
@InputType({ description: 'Record that a team asked a partner: no field can hold anything about the resident' })
export class RecordReferralInput {
  @Field(() => PartnerKind)
  @IsEnum(PartnerKind, { message: 'Kies een persoon of een organisatie' })
  partnerKind: PartnerKind;

  @Field(() => ID)
  @IsString({ message: 'Kies een partner' })
  @MaxLength(36, { message: 'Onbekende partner' })
  partnerId: string;

  @Field(() => ID, { description: 'The team that asks: one of your own teams' })
  @IsString({ message: 'Kies een team' })
  @MaxLength(36, { message: 'Onbekend team' })
  teamId: string;

  @Field({ description: 'CBS code of the buurt the question comes from' })
  @IsString({ message: 'Kies een buurt' })
  @MaxLength(10, { message: 'Buurtcode mag hoogstens 10 tekens zijn' })
  neighbourhoodCode: string;

  @Field(() => Topic)
  @IsEnum(Topic, { message: 'Kies een onderwerp uit de lijst' })
  topic: Topic;

  @Field({ description: 'ISO 639-3 code, or a Dutch or English language name' })
  @IsString({ message: 'Kies een taal' })
  @MaxLength(100, { message: 'Taal mag hoogstens 100 tekens zijn' })
  language: string;

  @Field({ description: 'YYYY-MM-DD, today or earlier' })
  @IsIsoDate({ message: 'De datum moet een datum zijn als JJJJ-MM-DD' })
  referredOn: string;

  @Field(() => ReferralOutcome, { defaultValue: ReferralOutcome.ONGOING })
  @IsOptional()
  @IsEnum(ReferralOutcome, { message: 'Kies een uitkomst: bereikt, niet bereikt, partner weigerde of loopt nog' })
  outcome: ReferralOutcome = ReferralOutcome.ONGOING;
}

@InputType({ description: 'The outcome of a referral, recorded later' })
export class RecordReferralOutcomeInput {
  @Field(() => ID)
  @IsString({ message: 'Kies een contactmoment' })
  @MaxLength(36, { message: 'Onbekend contactmoment' })
  id: string;

  @Field(() => ReferralOutcome)
  @IsEnum(ReferralOutcome, { message: 'Kies een uitkomst: bereikt, niet bereikt, partner weigerde of loopt nog' })
  outcome: ReferralOutcome;
}

@InputType({ description: 'Which referral counts: by team, buurt and period' })
export class ReferralCountFilterInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  teamIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'CBS buurt codes' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  neighbourhoodCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @IsIsoDate({ message: 'Vanaf moet een datum zijn als JJJJ-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @IsIsoDate({ message: 'Tot en met moet een datum zijn als JJJJ-MM-DD' })
  to?: string | null;
}
