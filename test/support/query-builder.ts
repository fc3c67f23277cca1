import {
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';

/** A selection set with every field up to `depth` levels (required arguments filled from `argValue`). */
export function selectAll(type: GraphQLNamedType, depth: number, argValue: (name: string) => unknown, seen: string[] = []): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  if (depth === 0) return '{ __typename }';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const args = requiredArgs(field, argValue);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (isObjectType(named) && !seen.includes(named.name))
      parts.push(`${field.name}${args} ${selectAll(named, depth - 1, argValue, [...seen, type.name])}`);
  }
  return `{ __typename ${parts.join(' ')} }`;
}

/** `(a: "…", b: 1)` for the required arguments, or null when one cannot be filled. */
export function requiredArgs(field: GraphQLField<unknown, unknown>, argValue: (name: string) => unknown): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type)) continue;
    const value = argValue(arg.name);
    if (value === undefined) return null;
    parts.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** One query per root Query field, selecting everything up to `depth`. */
export function queryPerField(schema: GraphQLSchema, depth: number, argValue: (name: string) => unknown): { field: string; query: string }[] {
  const root = schema.getQueryType() as GraphQLObjectType;
  return Object.values(root.getFields()).flatMap((field) => {
    if (field.name.startsWith('__')) return [];
    const args = requiredArgs(field, argValue);
    if (args === null) return [];
    const named = getNamedType(field.type);
    const selection = isLeafType(named) ? '' : selectAll(named, depth, argValue);
    return [{ field: field.name, query: `{ ${field.name}${args} ${selection} }` }];
  });
}

export { getNullableType, isEnumType, isInputObjectType, isListType, isScalarType };
