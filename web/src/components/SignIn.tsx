/** The sign-in form: email and password, errors said plainly. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Agent } from '../api/types.ts';
import { useTitle } from '../hooks.ts';

export function SignIn(props: { notice?: string; onSignedIn(csrf: string, me: Agent): Promise<void> }) {
  useTitle('Sign in');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await api.login(String(form.get('email') ?? '').trim(), String(form.get('password') ?? ''));
      await props.onSignedIn(res.csrfToken, res.agent);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'invalid_credentials' ? 'That email and password do not match an active agent.' : (err as Error).message);
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">
          <span className="brand-mark" aria-hidden="true">●</span> Sign in to Heed
        </h1>
        {props.notice && <p className="notice" role="status">{props.notice}</p>}
        <label htmlFor="signin-email">Email</label>
        <input id="signin-email" name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
