import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { graphqlRequest } from '../../../api/graphql-client';
import { MarkVerifiedDocument, type VerifiableType } from '../../../generated/graphql';
import { useI18n } from '../../../i18n/i18n';

/**
 * "Still correct" in the review queue: marks one record as checked today and says so in a status message.
 * The queue's own texts, so its accessible name ("Still correct: <name>") is in the page's language and holds the visible text.
 */
export function ReviewVerifyButton({
  entityType,
  id,
  name,
  onDone,
}: {
  entityType: VerifiableType;
  id: string;
  name: string;
  onDone(lastVerifiedOn: string): void;
}) {
  const { t, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const verify = async () => {
    setBusy(true);
    try {
      const { markVerified } = await graphqlRequest(MarkVerifiedDocument, { input: { entityType, id } });
      setMessage({ text: t('reviewQueue.verified', { date: formatDate(markVerified.lastVerifiedOn) }), error: false });
      onDone(markVerified.lastVerifiedOn);
    } catch (error) {
      // Server errors arrive in the user's language (api/graphql-client with i18n/server-messages).
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={verify}
        busy={busy}
        aria-disabled={busy ? true : undefined}
        aria-label={t('reviewQueue.verifyNamed', { name })}
      >
        {t('reviewQueue.verify')}
      </Button>
      <span role="status" className={message?.error ? 'error-text' : 'record__message'}>
        {message?.text ?? ''}
      </span>
    </>
  );
}
