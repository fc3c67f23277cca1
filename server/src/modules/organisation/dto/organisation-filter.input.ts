import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { DirectoryFilter } from '../../../common/directory-filter.input.js';
import { OrganisationKind } from '../organisation.entity.js';

@InputType({ description: 'Filter for organisations; all given conditions must hold' })
export class OrganisationFilter extends DirectoryFilter {
  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}
