/** API tokens: create one for an agent (the token is shown once, then only its name), revoke. */
import { useState, type FormEvent } from 'react';
import { useSession } from '../../session.tsx';
import { admin } from './api.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

export function TokensAdmin() {
  const { agents, agentName, me } = useSession();
  const tokens = useLoaded(() => admin.tokens().then((r) => r.items));
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useSubmit();
  const revoke = useSubmit();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const name = String(f.get('name') ?? '');
    const agentId = String(f.get('agentId') ?? '') || undefined;
    setCreated(null);
    await create.run(async () => {
      const t = await admin.createToken({ name, agentId });
      setCreated({ name, token: t.token });
      form.reset();
      tokens.reload();
    });
  }

  return (
    <>
      <Panel title="API tokens">
        <p className="hint">A token acts as its agent through the API. Revoke one the moment it is no longer needed.</p>
        {tokens.error && <p className="error" role="alert">Could not load the tokens: {tokens.error}</p>}
        <GeneralProblem problems={revoke.problems} />
        {tokens.data?.length === 0 && <p className="empty">No API tokens.</p>}
        {tokens.data && tokens.data.length > 0 && (
          <table className="admin-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Acts as</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name ?? 'unnamed'}</th>
                  <td>{agentName(t.agentId)}</td>
                  <td><time dateTime={t.createdAt}>{new Date(t.createdAt).toLocaleDateString()}</time></td>
                  <td>{t.lastUsedAt ? <time dateTime={t.lastUsedAt}>{new Date(t.lastUsedAt).toLocaleString()}</time> : 'never'}</td>
                  <td>
                    <button type="button" aria-label={`Revoke ${t.name ?? 'token'}`} onClick={() => { if (confirm(`Revoke the token ${t.name ?? ''}? Anything using it stops working.`)) void revoke.run(() => admin.revokeToken(t.id)).then(tokens.reload); }}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="New API token">
        {created && (
          <div className="notice token-once" role="status">
            <p>The token <strong>{created.name}</strong> is below. Copy it now: Heed stores only its hash and will not show it again.</p>
            <label htmlFor="new-token">New token</label>
            <input id="new-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
        <form className="admin-form" onSubmit={submit} aria-label="New API token">
          <div className="form-row">
            <Field label="Token name" problem={problemFor(create.problems, 'name')} hint="What uses it, e.g. the billing integration">{(a) => <input {...a} name="name" required />}</Field>
            <Field label="Acts as" problem={problemFor(create.problems, 'agentId')}>
              {(a) => (
                <select {...a} name="agentId" defaultValue={me.id}>
                  {agents.filter((ag) => ag.active).map((ag) => <option key={ag.id} value={ag.id}>{ag.name}</option>)}
                </select>
              )}
            </Field>
          </div>
          <GeneralProblem problems={create.problems} />
          <button type="submit" className="primary" disabled={create.busy}>Create token</button>
        </form>
      </Panel>
    </>
  );
}
