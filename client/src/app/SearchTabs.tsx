import { type KeyboardEvent, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

export type SearchMode = 'match' | 'browse';
const MODES: readonly SearchMode[] = ['match', 'browse'];

/**
 * The two ways to search as tabs (the NL Design System / WAI-ARIA tabs pattern): a tablist, one tab in
 * the tab order, arrow keys (and Home/End) move between tabs and select them, the panel is labelled by its tab.
 */
export function SearchTabs({ mode, onChange }: { mode: SearchMode; onChange(mode: SearchMode): void }) {
  const { t } = useI18n();
  const refs = useRef<Record<SearchMode, HTMLButtonElement | null>>({ match: null, browse: null });
  const onKeyDown = (event: KeyboardEvent) => {
    const index = MODES.indexOf(mode);
    const next =
      event.key === 'ArrowRight'
        ? MODES[(index + 1) % MODES.length]
        : event.key === 'ArrowLeft'
          ? MODES[(index + MODES.length - 1) % MODES.length]
          : event.key === 'Home'
            ? MODES[0]
            : event.key === 'End'
              ? MODES[MODES.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="search-tabs" role="tablist" aria-label={t('match.modes')} onKeyDown={onKeyDown}>
      {MODES.map((m) => (
        <button
          key={m}
          ref={(element) => {
            refs.current[m] = element;
          }}
          type="button"
          role="tab"
          id={`search-tab-${m}`}
          className="search-tabs__tab"
          aria-selected={mode === m}
          aria-controls={`search-panel-${m}`}
          tabIndex={mode === m ? 0 : -1}
          onClick={() => onChange(m)}
        >
          {t(m === 'match' ? 'match.tab' : 'match.browseTab')}
        </button>
      ))}
    </div>
  );
}
