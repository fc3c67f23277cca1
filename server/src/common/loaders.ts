import DataLoader from 'dataloader';
import { In, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * Batched relation loading (issue 11). Every relation field of the schema resolves through a DataLoader that
 * lives in the GraphQL context of one request: the loads of all parents at one level of a response become one
 * statement, whatever the number of parents, and nothing is cached across requests (no stale or foreign rows).
 * A field never relies on the parent query having joined the relation (issue 10.7).
 */
export interface LoaderContext {
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/** The loader `name` of this request, made on first use; `batch` answers one value per key, in the order of the keys. */
export function loaderOf<K, V>(context: LoaderContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    context.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Rows in the order of `keys` (null where none), from rows in any order. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** For each key, the rows that belong to it (a row may belong to several keys), keeping the rows' order. */
export function groupedBy<K, V>(keys: readonly K[], rows: V[], keysOf: (row: V) => K[]): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) for (const key of keysOf(row)) groups.get(key)?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/**
 * One relation of many rows by id: for each id the related rows, as the owning repository's mapping loads them.
 * Many-to-many relations read the junction table, then each related row once (two statements, however many
 * parents share it: a neighbourhood's boundary is read once, not once per person working there); other
 * relations are joined in one statement. Used by the services, so only the owning module touches its tables.
 */
export async function relationOf<T extends ObjectLiteral & { id: string }, R extends keyof T & string>(
  repository: Repository<T>,
  ids: readonly string[],
  relation: R,
): Promise<T[R][]> {
  const meta = repository.metadata.findRelationWithPropertyPath(relation);
  const junction = meta?.isManyToMany && meta.isOwning ? meta.junctionEntityMetadata : undefined;
  if (meta && junction && meta.inverseEntityMetadata.primaryColumns.length === 1) {
    const quote = (name: string) => repository.manager.connection.driver.escape(name);
    const owner = `j.${quote(junction.ownerColumns[0].databaseName)}`;
    const inverse = `j.${quote(junction.inverseColumns[0].databaseName)}`;
    const pairs: Record<string, string>[] = await repository.manager
      .createQueryBuilder()
      .select(owner, 'owner')
      .addSelect(inverse, 'related')
      .from(junction.tableName, 'j')
      .where(`${owner} IN (:...ids)`, { ids: [...ids] })
      .getRawMany();
    const key = meta.inverseEntityMetadata.primaryColumns[0].propertyName;
    const relatedIds = [...new Set(pairs.map((p) => String(p.related)))];
    const related = relatedIds.length
      ? await repository.manager.getRepository(meta.inverseEntityMetadata.target).find({ where: { [key]: In(relatedIds) } })
      : [];
    const byId = new Map(related.map((row) => [String((row as Record<string, unknown>)[key]), row]));
    const groups = new Map<string, unknown[]>(ids.map((id) => [id, []]));
    for (const pair of pairs) {
      const row = byId.get(String(pair.related));
      if (row) groups.get(String(pair.owner))?.push(row);
    }
    return ids.map((id) => groups.get(id) as T[R]);
  }
  const rows = await repository.find({ where: { id: In([...ids]) } as never, relations: { [relation]: true } as never });
  const map = new Map(rows.map((row) => [row.id, row[relation]]));
  return ids.map((id) => map.get(id) ?? ([] as unknown as T[R]));
}

/**
 * Groups rows that were found through a filtered join (`innerJoinAndSelect(relation, …, 'x.code IN (:...codes)')`)
 * by the joined keys, then drops the partial relation: the relation field loads the whole relation itself.
 */
export function groupedByJoined<K, T extends object, R extends keyof T>(keys: readonly K[], rows: T[], relation: R, keyOf: (joined: never) => K): T[][] {
  const groups = groupedBy(keys, rows, (row) => ((row[relation] as unknown as never[]) ?? []).map(keyOf));
  for (const row of rows) delete row[relation];
  return groups;
}
