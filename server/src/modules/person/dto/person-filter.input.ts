import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { DirectoryFilter } from '../../../common/directory-filter.input.js';
import { PersonRole } from '../person.entity.js';

@InputType({ description: 'Filter for persons; all given conditions must hold' })
export class PersonFilter extends DirectoryFilter {
  @Field(() => PersonRole, { nullable: true })
  @IsOptional()
  @IsEnum(PersonRole)
  role?: PersonRole;
}
