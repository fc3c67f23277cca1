import { Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { type FindOptionsRelations, In, type Repository } from 'typeorm';

/** A hard ceiling, so no client can ask the server for the whole directory at once. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

@InputType({ description: `A page of a list: at most ${MAX_PAGE_SIZE} items` })
export class PageInput {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt({ message: 'limit moet een geheel getal zijn' })
  @Min(1, { message: 'limit moet minstens 1 zijn' })
  @Max(MAX_PAGE_SIZE, { message: `limit mag hoogstens ${MAX_PAGE_SIZE} zijn` })
  limit: number = DEFAULT_PAGE_SIZE;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt({ message: 'offset moet een geheel getal zijn' })
  @Min(0, { message: 'offset mag niet negatief zijn' })
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasMore: boolean;
}

/** Builds the `XPage` GraphQL type for a list of T. */
export function Paginated<T>(itemType: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name, { isAbstract: false })
  class PageClass implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages' })
    totalCount: number;

    @Field({ description: 'More items follow this page' })
    hasMore: boolean;
  }
  return PageClass as Type<Page<T>>;
}

export function toPage<T>(items: T[], totalCount: number, page: PageInput): Page<T> {
  return { items, totalCount, hasMore: page.offset + items.length < totalCount };
}

/** Loads rows by id with their relations, in the order of `ids` (the order the page query chose). */
export async function loadInOrder<T extends { id: string }>(repository: Repository<T>, ids: string[], relations: FindOptionsRelations<T>): Promise<T[]> {
  if (!ids.length) return [];
  const loaded = await repository.find({ where: { id: In(ids) } as never, relations });
  const byId = new Map(loaded.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
