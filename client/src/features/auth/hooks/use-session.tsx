import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { GraphQLRequestError, graphqlRequest, onUnauthenticated } from '../../../api/graphql-client';
import { LoginDocument, LogoutDocument, MeDocument, type SessionUserFragment } from '../../../generated/graphql';

export type SessionUser = SessionUserFragment;

export type SessionState =
  /** The `me` query on start has not answered yet. */
  | { status: 'checking' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut'; checkError?: GraphQLRequestError }
  | { status: 'signedIn'; user: SessionUser };

interface SessionValue {
  session: SessionState;
  /** The signed-in user, or undefined. */
  user: SessionUser | undefined;
  /** Resolves with the user; rejects with the server's GraphQLRequestError (wrong password, rate limit, field errors). */
  signIn(email: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

const HINT_KEY = 'sociale-kaart.session-hint';

/**
 * Whether this browser was signed in when the page was last open: only a hint for the layout while `me` is
 * checked (the panel keeps room for what will come, so the page does not jump); the server decides.
 */
export function sessionHint(): 'signedIn' | 'signedOut' | undefined {
  try {
    const hint = localStorage.getItem(HINT_KEY);
    return hint === 'signedIn' || hint === 'signedOut' ? hint : undefined;
  } catch {
    return undefined;
  }
}

const asRequestError = (error: unknown) => (error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]));

/**
 * Who is signed in. The session itself is the httpOnly cookie the server sets on `login`; the client never
 * sees the token. `me` on start tells whether a session is there; any UNAUTHENTICATED answer afterwards
 * means it has ended (expired, or signed out elsewhere), and the sign-in form comes back.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });
  const sessionRef = useRef(session);
  sessionRef.current = session;

  useEffect(() => {
    if (session.status === 'checking') return;
    try {
      localStorage.setItem(HINT_KEY, session.status);
    } catch {
      // Storage may be off (private mode): the hint is only for the layout.
    }
  }, [session.status]);

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(MeDocument, {}, { signal: controller.signal }).then(
      ({ me }) => setSession(me ? { status: 'signedIn', user: me } : { status: 'signedOut' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSession({ status: 'signedOut', checkError: asRequestError(error) });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        // A wrong password while signed out is not an expired session.
        if (sessionRef.current.status === 'signedIn') setSession({ status: 'signedOut', reason: 'expired' });
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    try {
      const { login } = await graphqlRequest(LoginDocument, { input: { email, password } });
      setSession({ status: 'signedIn', user: login.user });
      return login.user;
    } catch (error) {
      throw asRequestError(error);
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await graphqlRequest(LogoutDocument, {});
    } catch {
      // The server clears the cookie on every logout call; if it could not be reached the session
      // ends on its own when it expires. The screen no longer shows person data either way.
    }
    setSession({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ session, user: session.status === 'signedIn' ? session.user : undefined, signIn, signOut }),
    [session, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> around it');
  return value;
}
