/** Agents and teams: who works here, their role, availability and whether they can sign in; teams with lead and members. */
import { useState, type FormEvent } from 'react';
import type { Agent, Team } from '../../api/types.ts';
import { label } from '../../lib/format.ts';
import { admin } from './api.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

export function AgentsAdmin() {
  const agents = useLoaded(() => admin.agents().then((r) => r.items));
  const teams = useLoaded(() => admin.teams().then((r) => r.items));
  return (
    <>
      <Panel title="Agents">
        {agents.error && <p className="error" role="alert">Could not load the agents: {agents.error}</p>}
        {agents.data && <AgentTable agents={agents.data} onChanged={agents.reload} />}
        <NewAgent onCreated={agents.reload} />
      </Panel>
      <Panel title="Teams">
        {teams.error && <p className="error" role="alert">Could not load the teams: {teams.error}</p>}
        {teams.data && agents.data && (
          <ul className="admin-list">
            {teams.data.map((t) => (
              <li key={t.id}>
                <TeamEditor team={t} agents={agents.data!.filter((a) => a.active)} onSaved={teams.reload} />
              </li>
            ))}
          </ul>
        )}
        {teams.data?.length === 0 && <p className="empty">No teams yet.</p>}
        <NewTeam onCreated={teams.reload} />
      </Panel>
    </>
  );
}

function AgentTable(props: { agents: Agent[]; onChanged(): void }) {
  const { problems, run } = useSubmit();
  const change = (a: Agent, body: Parameters<typeof admin.updateAgent>[1]) => void run(() => admin.updateAgent(a.id, body)).then(props.onChanged);
  return (
    <>
      <GeneralProblem problems={problems} />
      <table className="admin-table">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Availability</th><th scope="col">Active</th></tr>
        </thead>
        <tbody>
          {props.agents.map((a) => (
            <tr key={a.id} className={a.active ? undefined : 'inactive'}>
              <th scope="row">{a.name}</th>
              <td>{a.email}</td>
              <td>
                <select aria-label={`Role of ${a.name}`} value={a.role} onChange={(e) => change(a, { role: e.target.value })}>
                  <option value="agent">Agent</option>
                  <option value="admin">Admin</option>
                </select>
              </td>
              <td>
                <select aria-label={`Availability of ${a.name}`} value={a.availability} onChange={(e) => change(a, { availability: e.target.value })}>
                  {['available', 'away', 'offline'].map((v) => <option key={v} value={v}>{label(v)}</option>)}
                </select>
              </td>
              <td>
                <input type="checkbox" aria-label={`${a.name} can sign in`} checked={a.active} onChange={(e) => change(a, { active: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewAgent(props: { onCreated(): void }) {
  const { problems, busy, run } = useSubmit();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const password = String(f.get('password') ?? '');
    const ok = await run(() => admin.createAgent({ name: String(f.get('name')), email: String(f.get('email')), role: String(f.get('role')), password: password || undefined }));
    if (ok) {
      form.reset();
      props.onCreated();
    }
  }
  return (
    <form className="admin-form" onSubmit={submit} aria-label="New agent">
      <h3>New agent</h3>
      <div className="form-row">
        <Field label="Name" problem={problemFor(problems, 'name')}>{(a) => <input {...a} name="name" required />}</Field>
        <Field label="Email" problem={problemFor(problems, 'email')}>{(a) => <input {...a} name="email" type="email" required />}</Field>
        <Field label="Role" problem={problemFor(problems, 'role')}>
          {(a) => (
            <select {...a} name="role" defaultValue="agent">
              <option value="agent">Agent</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
        <Field label="Password" problem={problemFor(problems, 'password')} hint="At least 10 characters; leave empty to set later">
          {(a) => <input {...a} name="password" type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <GeneralProblem problems={problems} />
      <button type="submit" className="primary" disabled={busy}>Add agent</button>
    </form>
  );
}

function TeamEditor(props: { team: Team; agents: Agent[]; onSaved(): void }) {
  const t = props.team;
  const [name, setName] = useState(t.name);
  const [leadId, setLeadId] = useState(t.leadId ?? '');
  const [members, setMembers] = useState(() => new Set(t.memberIds));
  const [saved, setSaved] = useState(false);
  const { problems, busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = await run(() => admin.updateTeam(t.id, { name, leadId: leadId || null, memberIds: [...members] }));
    if (ok) {
      setSaved(true);
      props.onSaved();
    }
  }
  const toggle = (id: string, on: boolean) => setMembers((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  return (
    <form className="admin-form" onSubmit={submit} aria-label={`Team ${t.name}`}>
      <div className="form-row">
        <Field label="Team name" problem={problemFor(problems, 'name')}>{(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
        <Field label="Lead" problem={problemFor(problems, 'leadId')}>
          {(a) => (
            <select {...a} value={leadId} onChange={(e) => setLeadId(e.target.value)}>
              <option value="">No lead</option>
              {props.agents.map((ag) => <option key={ag.id} value={ag.id}>{ag.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="checks">
        <legend>Members of {t.name}</legend>
        {props.agents.map((ag) => (
          <label key={ag.id}>
            <input type="checkbox" checked={members.has(ag.id)} onChange={(e) => toggle(ag.id, e.target.checked)} /> {ag.name}
          </label>
        ))}
      </fieldset>
      {problemFor(problems, 'memberIds') && <p className="field-error">{problemFor(problems, 'memberIds')}</p>}
      <GeneralProblem problems={problems} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>Save team</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}

function NewTeam(props: { onCreated(): void }) {
  const { problems, busy, run } = useSubmit();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    if (await run(() => admin.createTeam({ name }))) {
      form.reset();
      props.onCreated();
    }
  }
  return (
    <form className="admin-form" onSubmit={submit} aria-label="New team">
      <h3>New team</h3>
      <div className="form-row">
        <Field label="Name of the new team" problem={problemFor(problems, 'name')}>{(a) => <input {...a} name="name" required />}</Field>
      </div>
      <GeneralProblem problems={problems} />
      <button type="submit" className="primary" disabled={busy}>Create team</button>
    </form>
  );
}
