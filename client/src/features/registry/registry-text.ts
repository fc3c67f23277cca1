import { useI18n } from '../../i18n/i18n';
import type { messages } from './messages';

/** Keys of the registry texts (client/src/features/registry/messages.ts), part of the one catalogue per language. */
export type RegistryTextKey = keyof (typeof messages)['nl'];

export type RegistryText = (key: RegistryTextKey, params?: Record<string, string | number>) => string;

/** `rt(key, params)` for the registry texts (the catalogue's `t`, narrowed to them), plus the shared i18n helpers. */
export function useRegistryText() {
  const i18n = useI18n();
  const rt: RegistryText = i18n.t;
  return { ...i18n, rt };
}
