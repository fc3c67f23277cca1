import { Alert, ButtonGroup, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * "Opgeslagen" after a form: the form sets the message for the page it goes to, and the page shell shows it
 * in a live region that is always there (role="status"), so screen readers announce it when it fills, also
 * after the page changed. It belongs to one path: on any other page it is gone. It may name the next steps that
 * usually follow the save ("Maak vaste contactpersoon", "Terug naar buurt …"), as links under the message.
 */

export interface NextStep {
  label: string;
  href: string;
}

interface StatusMessageValue {
  text: string;
  path: string;
  nextSteps: readonly NextStep[];
}

let current: StatusMessageValue | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Show `text` on the page at `path` (the current page when left out). Call before navigate(). */
export function announceStatus(text: string, path: string = window.location.pathname, nextSteps: readonly NextStep[] = []): void {
  current = { text, path: path.split(/[?#]/)[0]!, nextSteps };
  notify();
}

export function clearStatus(): void {
  if (!current) return;
  current = undefined;
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live region; re-rendered by the page shell on every change of page. */
export function StatusMessage() {
  const message = useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
  const path = window.location.pathname;
  const visible = message && message.path === path ? message : undefined;
  useEffect(() => {
    if (message && message.path !== path) clearStatus();
  }, [message, path]);
  return (
    <div role="status" className="status-message">
      {visible ? (
        // The surrounding div is the live region; the alert's own role would make a second one.
        <Alert type="ok" role="none">
          <Paragraph>{visible.text}</Paragraph>
          {visible.nextSteps.length ? (
            <ButtonGroup className="status-message__next">
              {visible.nextSteps.map((step) => (
                <Link key={step.href} href={step.href}>
                  {step.label}
                </Link>
              ))}
            </ButtonGroup>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
