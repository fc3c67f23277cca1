import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';
import { projectRoot } from '../../server/src/config.js';

export interface ClientOperation {
  name: string;
  kind: 'query' | 'mutation';
  node: OperationDefinitionNode;
  /** The operation with every fragment it uses (transitively), ready to send. */
  text: string;
}

/** Every operation of the client (client/src/features/**\/graphql/*.graphql), with its fragments, as codegen sees them. */
export function clientOperations(): { document: DocumentNode; operations: ClientOperation[] } {
  const dir = join(projectRoot(), 'client', 'src');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /(^|\/)graphql\/[^/]+\.graphql$/.test(f));
  const document = parse(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const spreadsOf = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
    return names;
  };
  const operations = document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((node) => {
      const used = new Set<string>();
      const queue = spreadsOf(node);
      while (queue.length) {
        const name = queue.pop()!;
        if (used.has(name)) continue;
        used.add(name);
        queue.push(...spreadsOf(fragments.get(name)!));
      }
      const text = [print(node), ...[...used].map((n) => print(fragments.get(n)!))].join('\n');
      return { name: node.name!.value, kind: node.operation as 'query' | 'mutation', node, text };
    });
  return { document, operations };
}
