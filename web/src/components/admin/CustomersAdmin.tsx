/** Customer channels: the sites that may embed the widget, portal and survey settings, and the embed snippet. */
import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

export type ChannelSettings = { widgetOrigins: string[]; portalOrganizationTickets: boolean; surveyScale: 'five' | 'binary'; surveyQuietDays: number };

const workspace = {
  get: () => request<ChannelSettings>('GET', '/api/v1/workspace'),
  update: (body: Partial<ChannelSettings>) => request<ChannelSettings>('PATCH', '/api/v1/workspace', { body }),
};

/** The Customer channels admin page. */
export function CustomersAdmin() {
  const settings = useLoaded(workspace.get);
  return (
    <>
      <Panel title="Channel settings">
        {settings.error && <p className="error" role="alert">Could not load the workspace settings: {settings.error}</p>}
        {settings.data === null && !settings.error && <p className="hint" role="status">Loading the settings…</p>}
        {settings.data && <SettingsForm settings={settings.data} />}
      </Panel>
      <EmbedSnippet />
    </>
  );
}

function SettingsForm(props: { settings: ChannelSettings }) {
  const [origins, setOrigins] = useState<string[]>(props.settings.widgetOrigins);
  const [draft, setDraft] = useState('');
  const [saved, setSaved] = useState(false);
  const [sent, setSent] = useState<string[]>([]);
  const { problems, busy, run } = useSubmit();
  const p = (f: string) => problemFor(problems, f);

  function addOrigin() {
    const o = draft.trim();
    if (!o) return;
    if (!origins.includes(o)) setOrigins([...origins, o]);
    setDraft('');
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    // An origin typed but not yet added is saved too, so nothing typed is silently lost.
    const pending = draft.trim();
    const widgetOrigins = pending && !origins.includes(pending) ? [...origins, pending] : origins;
    const quiet = String(f.get('surveyQuietDays') ?? '').trim();
    const body = {
      widgetOrigins,
      portalOrganizationTickets: f.get('portalOrganizationTickets') === 'on',
      surveyScale: String(f.get('surveyScale')) as ChannelSettings['surveyScale'],
      surveyQuietDays: quiet === '' ? Number.NaN : Number(quiet),
    };
    setSaved(false);
    setSent(widgetOrigins);
    const ok = await run(async () => {
      const w = await workspace.update(body);
      setOrigins(w.widgetOrigins);
      setDraft('');
    });
    setSaved(ok);
  }

  // The API names a refused origin by its place in the list: name it by its text instead.
  const indexed = Object.entries(problems.fields).map(([k, msg]) => [/^widgetOrigins\.(\d+)$/.exec(k)?.[1], msg] as const).find(([i]) => i !== undefined);
  const originsProblem = indexed && sent[Number(indexed[0])] !== undefined ? `${sent[Number(indexed[0])]}: ${indexed[1]}` : p('widgetOrigins');
  return (
    <form className="admin-form" aria-label="Channel settings" onSubmit={submit} noValidate>
      <fieldset className="group">
        <legend>Sites that may embed the widget</legend>
        {origins.length === 0 ? (
          <p className="empty">No sites yet: the widget works only on Heed's own pages.</p>
        ) : (
          <ul className="origin-list" aria-label="Allowed sites">
            {origins.map((o) => (
              <li key={o}>
                <code>{o}</code>
                <button type="button" onClick={() => setOrigins(origins.filter((x) => x !== o))} aria-label={`Remove ${o}`}>Remove</button>
              </li>
            ))}
          </ul>
        )}
        <div className="form-row origin-add">
          <Field label="Site origin" problem={originsProblem} hint="Such as https://shop.example (no path)">
            {(a) => (
              <input
                {...a}
                type="url"
                maxLength={300}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addOrigin();
                  }
                }}
              />
            )}
          </Field>
          <button type="button" onClick={addOrigin}>Add site</button>
        </div>
      </fieldset>
      <label className="check">
        <input type="checkbox" name="portalOrganizationTickets" defaultChecked={props.settings.portalOrganizationTickets} /> Customers see their organization's tickets in the portal
      </label>
      {p('portalOrganizationTickets') && <p className="field-error">{p('portalOrganizationTickets')}</p>}
      <div className="form-row">
        <Field label="Survey scale" problem={p('surveyScale')}>
          {(a) => (
            <select {...a} name="surveyScale" defaultValue={props.settings.surveyScale}>
              <option value="five">Five stars (1–5)</option>
              <option value="binary">Good or bad</option>
            </select>
          )}
        </Field>
        <Field label="Days between surveys" problem={p('surveyQuietDays')} hint="A customer is not asked again for this many days (0–365)">
          {(a) => <input {...a} name="surveyQuietDays" type="number" min={0} max={365} step={1} defaultValue={props.settings.surveyQuietDays} required />}
        </Field>
      </div>
      <GeneralProblem problems={problems} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>Save settings</button>
        {saved && <p className="hint" role="status">Saved.</p>}
      </div>
    </form>
  );
}

function EmbedSnippet() {
  const snippet = `<script src="${location.origin}/widget.js" data-heed-title="Contact us" async></script>`;
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the code and copy it yourself.');
    }
  }
  return (
    <Panel title="Embed the widget">
      <p className="hint" id="embed-hint">Paste this before the closing body tag of each page of an allowed site.</p>
      <pre className="embed-snippet" tabIndex={0} aria-label="Embed code" aria-describedby="embed-hint"><code>{snippet}</code></pre>
      <div className="form-actions">
        <button type="button" onClick={() => void copy()}>Copy</button>
        {copied && <p className="hint" role="status">{copied}</p>}
      </div>
      <h3>Customer pages</h3>
      <ul className="channel-links">
        <li><a href="/support/new">Contact form</a> (/support/new)</li>
        <li><a href="/portal">Customer portal</a> (/portal)</li>
        <li><a href="/help">Help center</a> (/help)</li>
      </ul>
    </Panel>
  );
}

