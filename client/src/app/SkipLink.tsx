import type { MouseEvent, ReactNode } from 'react';

/**
 * A skip link that really moves the keyboard focus: following a #fragment only scrolls in Chromium and
 * leaves the focus where it was, so a keyboard user would still Tab through everything before it.
 */
export function SkipLink({ target, children }: { target: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) element.setAttribute('tabindex', '-1');
    element.focus();
    element.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={onClick}>
      {children}
    </a>
  );
}
