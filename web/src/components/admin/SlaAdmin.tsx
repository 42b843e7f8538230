/** SLA policies: which tickets each applies to, targets per priority in business minutes, order, and the protected default. */
import { useState, type FormEvent } from 'react';
import type { Team } from '../../api/types.ts';
import { label } from '../../lib/format.ts';
import { admin, type Calendar, type Policy } from './api.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

const priorities = ['urgent', 'high', 'normal', 'low'] as const;
const metrics = [['firstResponse', 'First response'], ['nextResponse', 'Next response'], ['resolution', 'Resolution']] as const;
const channels = ['email', 'web', 'chat', 'api', 'phone'];
type Targets = Policy['targets'];

const defaultTargets = (): Targets => ({
  urgent: { firstResponse: 60, nextResponse: 120, resolution: 480 },
  high: { firstResponse: 240, nextResponse: 240, resolution: 1440 },
  normal: { firstResponse: 480, nextResponse: 480, resolution: 2880 },
  low: { firstResponse: 1440, nextResponse: 1440, resolution: 7200 },
});

export function SlaAdmin() {
  const policies = useLoaded(() => admin.policies().then((r) => r.items));
  const calendars = useLoaded(() => admin.calendars().then((r) => r.items));
  const teams = useLoaded(() => admin.teams().then((r) => r.items));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { problems, run } = useSubmit();
  const current = policies.data?.find((p) => p.id === editing);
  const calName = (id: string) => calendars.data?.find((c) => c.id === id)?.name ?? '—';
  return (
    <>
      <Panel title="SLA policies">
        <p className="hint">The first enabled policy (by position) whose conditions a ticket meets applies; the default applies when none does.</p>
        {policies.error && <p className="error" role="alert">Could not load the policies: {policies.error}</p>}
        <GeneralProblem problems={problems} />
        {policies.data && (
          <table className="admin-table">
            <thead><tr><th scope="col">Position</th><th scope="col">Policy</th><th scope="col">Business hours</th><th scope="col">Normal: first response</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {policies.data.map((p) => (
                <tr key={p.id} className={p.enabled ? undefined : 'inactive'}>
                  <td>{p.position}</td>
                  <th scope="row">{p.name}{p.isDefault && <span className="badge">default</span>}{!p.enabled && <span className="badge">disabled</span>}</th>
                  <td>{calName(p.calendarId)}</td>
                  <td>{p.targets.normal.firstResponse} min</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(p.id)} aria-label={`Edit ${p.name}`}>Edit</button>
                    {!p.isDefault && (
                      <button type="button" onClick={() => { if (confirm(`Delete the policy ${p.name}?`)) void run(() => admin.deletePolicy(p.id)).then(policies.reload); }} aria-label={`Delete ${p.name}`}>Delete</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>New policy</button>}
      </Panel>
      {editing !== null && calendars.data && teams.data && (
        <PolicyForm key={editing} policy={current} calendars={calendars.data} teams={teams.data} onDone={(changed) => { setEditing(null); if (changed) policies.reload(); }} />
      )}
    </>
  );
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

function PolicyForm(props: { policy?: Policy; calendars: Calendar[]; teams: Team[]; onDone(changed: boolean): void }) {
  const po = props.policy;
  const cond = (po?.conditions ?? {}) as { teamIds?: string[]; channels?: string[]; tags?: string[]; plans?: string[] };
  const [targets, setTargets] = useState<Targets>(po?.targets ?? defaultTargets());
  const { problems, busy, run } = useSubmit();
  const p = (f: string) => problemFor(problems, f);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const conditions: Record<string, string[]> = {};
    const teamIds = f.getAll('teamIds').map(String);
    const chans = f.getAll('channels').map(String);
    const tags = list(String(f.get('tags') ?? ''));
    const plans = list(String(f.get('plans') ?? ''));
    if (teamIds.length) conditions.teamIds = teamIds;
    if (chans.length) conditions.channels = chans;
    if (tags.length) conditions.tags = tags;
    if (plans.length) conditions.plans = plans;
    const body = {
      name: String(f.get('name') ?? '').trim(),
      position: Number(f.get('position') ?? 0),
      enabled: f.get('enabled') === 'on',
      calendarId: String(f.get('calendarId')),
      honorExpectations: f.get('honorExpectations') === 'on',
      targets,
      ...(po?.isDefault ? {} : { conditions }),
    };
    if (await run(() => (po ? admin.updatePolicy(po.id, body) : admin.createPolicy(body)))) props.onDone(true);
  }

  const setTarget = (pr: keyof Targets, m: keyof Targets['normal'], v: number) => setTargets((t) => ({ ...t, [pr]: { ...t[pr], [m]: v } }));

  return (
    <Panel title={po ? `Edit ${po.name}` : 'New SLA policy'}>
      <form className="admin-form" onSubmit={submit} aria-label={po ? `Edit ${po.name}` : 'New SLA policy'}>
        <div className="form-row">
          <Field label="Name" problem={p('name')}>{(a) => <input {...a} name="name" defaultValue={po?.name} required />}</Field>
          <Field label="Position" problem={p('position')} hint="Lower is tried first">{(a) => <input {...a} name="position" type="number" min={0} defaultValue={po?.position ?? 100} />}</Field>
          <Field label="Business hours" problem={p('calendarId')}>
            {(a) => (
              <select {...a} name="calendarId" defaultValue={po?.calendarId ?? props.calendars.find((c) => c.isDefault)?.id}>
                {props.calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <label className="check"><input type="checkbox" name="enabled" defaultChecked={po?.enabled ?? true} disabled={po?.isDefault} /> Enabled{po?.isDefault && ' (the default policy is always on)'}</label>
        <label className="check"><input type="checkbox" name="honorExpectations" defaultChecked={po?.honorExpectations ?? true} /> Honour tighter response times promised to the customer</label>
        {p('enabled') && <p className="field-error">{p('enabled')}</p>}
        {po?.isDefault ? (
          <p className="hint">The default policy applies when no other does, so it has no conditions and cannot be deleted.</p>
        ) : (
          <fieldset className="group">
            <legend>Applies to tickets (empty: every ticket)</legend>
            <fieldset className="checks">
              <legend>Teams</legend>
              {props.teams.map((t) => <label key={t.id}><input type="checkbox" name="teamIds" value={t.id} defaultChecked={cond.teamIds?.includes(t.id)} /> {t.name}</label>)}
              {props.teams.length === 0 && <span className="hint">No teams yet.</span>}
            </fieldset>
            <fieldset className="checks">
              <legend>Channels</legend>
              {channels.map((c) => <label key={c}><input type="checkbox" name="channels" value={c} defaultChecked={cond.channels?.includes(c)} /> {label(c)}</label>)}
            </fieldset>
            <div className="form-row">
              <Field label="Tags" problem={p('conditions.tags')} hint="Comma-separated">{(a) => <input {...a} name="tags" defaultValue={cond.tags?.join(', ')} />}</Field>
              <Field label="Customer plans" problem={p('conditions.plans')} hint="Comma-separated">{(a) => <input {...a} name="plans" defaultValue={cond.plans?.join(', ')} />}</Field>
            </div>
            {p('conditions') && <p className="field-error">{p('conditions')}</p>}
          </fieldset>
        )}
        <fieldset className="group">
          <legend>Targets in business minutes</legend>
          <table className="admin-table targets">
            <thead><tr><th scope="col">Priority</th>{metrics.map(([, name]) => <th key={name} scope="col">{name}</th>)}</tr></thead>
            <tbody>
              {priorities.map((pr) => (
                <tr key={pr}>
                  <th scope="row">{label(pr)}</th>
                  {metrics.map(([m, name]) => {
                    const problem = p(`targets.${pr}.${m}`);
                    return (
                      <td key={m}>
                        <input type="number" min={1} aria-label={`${label(pr)}: ${name} (minutes)`} aria-invalid={problem ? true : undefined} value={targets[pr][m]} onChange={(e) => setTarget(pr, m, Number(e.target.value))} required />
                        {problem && <p className="field-error">{problem}</p>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <GeneralProblem problems={problems} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{po ? 'Save policy' : 'Create policy'}</button>
          <button type="button" onClick={() => props.onDone(false)}>Cancel</button>
        </div>
      </form>
    </Panel>
  );
}
