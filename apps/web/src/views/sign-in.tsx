import { useEffect, useState } from 'react';
import { api, ApiError, describeError } from '../api/client';
import type { DemoUsers, Me } from '../api/types';
import { finishOidcSignIn, startOidcSignIn, type OidcConfig } from '../auth/oidc';
import { saveSession } from '../auth/session';
import { signInConfig } from '../auth/sign-in-config';
import { roleName } from '../roles';
import { navigate } from '../router';
import { useResource } from '../use-resource';

export function SignInView({
  reason,
  returnTo,
  onSignedIn,
}: {
  reason: string | null;
  returnTo: string;
  onSignedIn: (me: Me) => void;
}) {
  const config = useResource(signInConfig, []);
  useEffect(() => {
    document.title = 'Logga in – Ärendemotorn';
  }, []);
  return (
    <main id="innehall" className="sign-in">
      <h1>Logga in i Ärendemotorn</h1>
      {reason && (
        <p className="notice" role="status">
          {reason}
        </p>
      )}
      {config.error !== undefined && <p role="alert">{describeError(config.error)}</p>}
      {config.data?.kind === 'oidc' && <OidcSignIn config={config.data} returnTo={returnTo} />}
      {config.data?.kind === 'development' && <DevelopmentSignIn onSignedIn={onSignedIn} />}
    </main>
  );
}

function OidcSignIn({ config, returnTo }: { config: OidcConfig; returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <p>Du loggar in med kommunens inloggning (till exempel SITHS-kort eller ditt organisationskonto).</p>
      {error && <p role="alert">{error}</p>}
      <button
        type="button"
        className="primary"
        onClick={() =>
          startOidcSignIn(config, returnTo).catch((e: unknown) => setError(String((e as Error).message)))
        }
      >
        Logga in med organisationens konto
      </button>
    </>
  );
}

/** The embedded default's sign-in: pick a demo user; each holds one role in one unit. */
function DevelopmentSignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const demo = useResource(() => api<DemoUsers>('/api/auth/dev/users'), []);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    if (!chosen) return setError('Välj en användare.');
    setBusy(true);
    try {
      const { accessToken } = await api<{ accessToken: string }>('/api/auth/dev/sign-in', {
        method: 'POST',
        body: { userId: chosen },
      });
      saveSession({ accessToken });
      onSignedIn(await api<Me>('/api/auth/me'));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void signIn();
      }}
      noValidate
    >
      <p className="notice">
        Utvecklingsinloggning: ingen identitetsleverantör är konfigurerad. Välj en demoanvändare och roll. I
        drift loggar man in via kommunens identitetsleverantör.
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {demo.data?.units.map((unit) => (
        <fieldset key={unit.id} className="field">
          <legend>
            {unit.name} ({unit.id})
          </legend>
          <div className="options">
            {demo.data?.users
              .filter((user) => user.memberships.some((m) => m.unit === unit.id))
              .map((user) => (
                <div className="option" key={user.id}>
                  <input
                    type="radio"
                    name="user"
                    id={`user-${user.id}`}
                    value={user.id}
                    checked={chosen === user.id}
                    onChange={() => {
                      setChosen(user.id);
                      setError(null);
                    }}
                  />
                  <label htmlFor={`user-${user.id}`}>
                    {user.name}{' '}
                    <span className="muted">
                      ({user.memberships.flatMap((m) => m.roles.map(roleName)).join(', ')})
                    </span>
                  </label>
                </div>
              ))}
          </div>
        </fieldset>
      ))}
      <button type="submit" className="primary" disabled={busy}>
        Logga in
      </button>
    </form>
  );
}

/** The identity provider sends the browser back here with a code. */
export function OidcCallbackView({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await signInConfig();
      if (config.kind !== 'oidc') throw new Error('Ingen identitetsleverantör är konfigurerad.');
      const returnTo = await finishOidcSignIn(config, window.location.href);
      const me = await api<Me>('/api/auth/me');
      if (cancelled) return;
      onSignedIn(me);
      navigate(returnTo, { replace: true });
    })().catch(
      // The sign-in's own errors are in Swedish; the API's messages are not, and are said by describeError.
      (e: unknown) =>
        !cancelled && setError(e instanceof Error && !(e instanceof ApiError) ? e.message : describeError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [onSignedIn]);
  return (
    <main id="innehall" className="sign-in">
      <h1>Loggar in…</h1>
      {error && (
        <>
          <p role="alert">{error}</p>
          <a href="/logga-in">Till inloggningen</a>
        </>
      )}
    </main>
  );
}
