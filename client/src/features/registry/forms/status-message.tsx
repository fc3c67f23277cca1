import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * "Opgeslagen" after a form: the form sets the message for the page it goes to, and the page shell shows it
 * in a live region that is always there (role="status"), so screen readers announce it when it fills, also
 * after the page changed. It belongs to one path: on any other page it is gone.
 */

interface StatusMessageValue {
  text: string;
  path: string;
}

let current: StatusMessageValue | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Show `text` on the page at `path` (the current page when left out). Call before navigate(). */
export function announceStatus(text: string, path: string = window.location.pathname): void {
  current = { text, path: path.split(/[?#]/)[0]! };
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
        </Alert>
      ) : null}
    </div>
  );
}
