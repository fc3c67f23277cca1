import { Button, FormField, FormFieldErrorMessage, FormLabel, Heading, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { GraphQLRequestError } from '../../../api/graphql-client';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../hooks/use-session';

type Field = 'email' | 'password';
interface Problems {
  email?: string;
  password?: string;
  /** Not about one field: wrong e-mail or password, too many attempts, server unreachable. */
  form?: string;
}

/**
 * Sign in with e-mail and password. Errors stand at their field (role="alert"); focus goes to the
 * first field with a problem, so keyboard and screen reader users land where they need to act.
 */
export function SignInForm() {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const formErrorRef = useRef<HTMLParagraphElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ field: Field | 'form'; attempt: number }>();

  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.field === 'email') emailRef.current?.focus();
    else if (focusTarget.field === 'password') passwordRef.current?.focus();
    else formErrorRef.current?.focus();
  }, [focusTarget]);

  const show = (next: Problems) => {
    setProblems(next);
    const field = next.email ? 'email' : next.password ? 'password' : next.form ? 'form' : undefined;
    if (field) setFocusTarget((previous) => ({ field, attempt: (previous?.attempt ?? 0) + 1 }));
  };

  const fromServer = (error: GraphQLRequestError): Problems => {
    const emailError = error.forField('email')?.message;
    const passwordError = error.forField('password')?.message;
    if (emailError || passwordError) return { email: emailError, password: passwordError };
    if (error.code === 'UNAUTHENTICATED') return { form: t('auth.wrongCredentials') };
    return { form: error.message };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = email.trim();
    const missing: Problems = {
      email: trimmed ? undefined : t('auth.emailRequired'),
      password: password ? undefined : t('auth.passwordRequired'),
    };
    if (missing.email || missing.password) {
      show(missing);
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      await signIn(trimmed, password);
      // The form unmounts once signed in; the password leaves memory with it.
    } catch (error) {
      setPassword('');
      show(fromServer(error as GraphQLRequestError));
      setBusy(false);
    }
  };

  const notice =
    session.status === 'signedOut' && session.reason === 'expired'
      ? t('auth.sessionExpired')
      : session.status === 'signedOut' && session.reason === 'signedOut'
        ? t('auth.signedOut')
        : undefined;

  const describedBy = (field: Field) => (problems[field] ? `sign-in-${field}-error` : undefined);

  return (
    <form className="sign-in" aria-labelledby="sign-in-heading" onSubmit={submit} noValidate>
      <Heading level={2} id="sign-in-heading">
        {t('auth.heading')}
      </Heading>
      {notice ? (
        <Paragraph role="status" className="sign-in__notice">
          {notice}
        </Paragraph>
      ) : null}
      <Paragraph>{t('auth.intro')}</Paragraph>
      <FormField
        invalid={Boolean(problems.email)}
        label={<FormLabel htmlFor="sign-in-email">{t('auth.email')}</FormLabel>}
        input={
          <Textbox
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            required
            ref={emailRef}
            value={email}
            invalid={Boolean(problems.email)}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={describedBy('email')}
            onChange={(event) => setEmail(event.target.value)}
          />
        }
        errorMessage={
          problems.email ? (
            <FormFieldErrorMessage id="sign-in-email-error" role="alert">
              {problems.email}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <FormField
        invalid={Boolean(problems.password)}
        label={<FormLabel htmlFor="sign-in-password">{t('auth.password')}</FormLabel>}
        input={
          <Textbox
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            ref={passwordRef}
            value={password}
            invalid={Boolean(problems.password)}
            aria-invalid={problems.password ? true : undefined}
            aria-describedby={describedBy('password')}
            onChange={(event) => setPassword(event.target.value)}
          />
        }
        errorMessage={
          problems.password ? (
            <FormFieldErrorMessage id="sign-in-password-error" role="alert">
              {problems.password}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      {problems.form ? (
        <Paragraph id="sign-in-error" role="alert" className="error-text" ref={formErrorRef} tabIndex={-1}>
          {problems.form}
        </Paragraph>
      ) : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy ? true : undefined}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </div>
    </form>
  );
}
