/** Mailboxes: the addresses Heed receives mail at, the team each one routes to, and IMAP polling (password write-only). */
import { useState, type FormEvent } from 'react';
import type { Team } from '../../api/types.ts';
import { admin, type Mailbox } from './api.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

export function MailboxesAdmin() {
  const boxes = useLoaded(() => admin.mailboxes().then((r) => r.items));
  const teams = useLoaded(() => admin.teams().then((r) => r.items));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = boxes.data?.find((m) => m.id === editing);
  return (
    <>
      <Panel title="Mailboxes">
        {boxes.error && <p className="error" role="alert">Could not load the mailboxes: {boxes.error}</p>}
        {boxes.data?.length === 0 && <p className="empty">No mailboxes yet. Mail sent to Heed's SMTP server is filed by the workspace's rules.</p>}
        {boxes.data && boxes.data.length > 0 && (
          <table className="admin-table">
            <thead><tr><th scope="col">Address</th><th scope="col">Name</th><th scope="col">Team</th><th scope="col">IMAP</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {boxes.data.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.address}</th>
                  <td>{m.name}</td>
                  <td>{teams.data?.find((t) => t.id === m.teamId)?.name ?? '—'}</td>
                  <td>{m.imap ? `${m.imap.host}${m.imap.enabled ? '' : ' (paused)'}${m.imap.lastError ? ` · ${m.imap.lastError}` : ''}` : '—'}</td>
                  <td><button type="button" onClick={() => setEditing(m.id)} aria-label={`Edit ${m.address}`}>Edit</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>New mailbox</button>}
      </Panel>
      {editing !== null && teams.data && (
        <MailboxForm
          key={editing}
          mailbox={current}
          teams={teams.data}
          onDone={(changed) => {
            setEditing(null);
            if (changed) boxes.reload();
          }}
        />
      )}
    </>
  );
}

function MailboxForm(props: { mailbox?: Mailbox; teams: Team[]; onDone(changed: boolean): void }) {
  const m = props.mailbox;
  const [useImap, setUseImap] = useState(Boolean(m?.imap));
  const { problems, busy, run } = useSubmit();
  const p = (f: string) => problemFor(problems, f);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const password = String(f.get('imap.password') ?? '');
    const imap = useImap
      ? {
          host: s('imap.host'),
          port: Number(s('imap.port')),
          secure: f.get('imap.secure') === 'on',
          user: s('imap.user'),
          folder: s('imap.folder') || 'INBOX',
          afterImport: s('imap.afterImport'),
          moveTo: s('imap.moveTo') || null,
          enabled: f.get('imap.enabled') === 'on',
          // Write-only: left empty when editing, the stored password stays.
          ...(password ? { password } : {}),
        }
      : null;
    const body = { address: s('address'), name: s('name'), teamId: s('teamId') || null, imap };
    if (await run(() => (m ? admin.updateMailbox(m.id, body) : admin.createMailbox(body)))) props.onDone(true);
  }

  return (
    <Panel title={m ? `Edit ${m.address}` : 'New mailbox'}>
      <form className="admin-form" onSubmit={submit} aria-label={m ? `Edit ${m.address}` : 'New mailbox'}>
        <div className="form-row">
          <Field label="Address" problem={p('address')}>{(a) => <input {...a} name="address" type="email" defaultValue={m?.address} required />}</Field>
          <Field label="Name" problem={p('name')} hint="Shown to customers as the sender name">{(a) => <input {...a} name="name" defaultValue={m?.name} required />}</Field>
          <Field label="Team" problem={p('teamId')}>
            {(a) => (
              <select {...a} name="teamId" defaultValue={m?.teamId ?? ''}>
                <option value="">No team</option>
                {props.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={useImap} onChange={(e) => setUseImap(e.target.checked)} /> Fetch mail from an IMAP server
        </label>
        {useImap && (
          <fieldset className="group">
            <legend>IMAP</legend>
            <div className="form-row">
              <Field label="Host" problem={p('imap.host')}>{(a) => <input {...a} name="imap.host" defaultValue={m?.imap?.host} required />}</Field>
              <Field label="Port" problem={p('imap.port')}>{(a) => <input {...a} name="imap.port" type="number" min={1} max={65535} defaultValue={m?.imap?.port ?? 993} required />}</Field>
              <Field label="User" problem={p('imap.user')}>{(a) => <input {...a} name="imap.user" defaultValue={m?.imap?.user} required />}</Field>
              <Field label="Password" problem={p('imap.password')} hint={m?.imap ? 'Stored and never shown; leave empty to keep it' : 'Stored and never shown'}>
                {(a) => <input {...a} name="imap.password" type="password" autoComplete="new-password" required={!m?.imap} />}
              </Field>
            </div>
            <div className="form-row">
              <Field label="Folder" problem={p('imap.folder')}>{(a) => <input {...a} name="imap.folder" defaultValue={m?.imap?.folder ?? 'INBOX'} />}</Field>
              <Field label="After import" problem={p('imap.afterImport')}>
                {(a) => (
                  <select {...a} name="imap.afterImport" defaultValue={m?.imap?.afterImport ?? 'seen'}>
                    <option value="seen">Mark as read</option>
                    <option value="move">Move to a folder</option>
                    <option value="delete">Delete</option>
                  </select>
                )}
              </Field>
              <Field label="Move to folder" problem={p('imap.moveTo')}>{(a) => <input {...a} name="imap.moveTo" defaultValue={m?.imap?.moveTo ?? ''} />}</Field>
            </div>
            <label className="check"><input type="checkbox" name="imap.secure" defaultChecked={m?.imap?.secure ?? true} /> Use TLS</label>
            <label className="check"><input type="checkbox" name="imap.enabled" defaultChecked={m?.imap?.enabled ?? true} /> Poll this mailbox</label>
            {problemFor(problems, 'imap') && !Object.keys(problems.fields).some((k) => k.startsWith('imap.')) && <p className="field-error">{problemFor(problems, 'imap')}</p>}
          </fieldset>
        )}
        <GeneralProblem problems={problems} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{m ? 'Save mailbox' : 'Create mailbox'}</button>
          <button type="button" onClick={() => props.onDone(false)}>Cancel</button>
        </div>
      </form>
    </Panel>
  );
}
