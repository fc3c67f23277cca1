import { type ComponentType, lazy } from 'react';

/**
 * `React.lazy` for a named export: pages stay named exports (one name per component, found by grep),
 * and each becomes its own chunk. The result has the component's own type, props included.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<unknown> })) as unknown as M[K];
}
