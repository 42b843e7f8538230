/** Business hours: calendars with a time zone, weekly opening periods, holidays, and holidays imported from .ics. */
import { useState, type FormEvent } from 'react';
import { admin, type Calendar } from './api.ts';
import { Field, GeneralProblem, Panel, problemFor, useLoaded, useSubmit } from './form.tsx';

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
type Period = { day: number; start: string; end: string };
type Holiday = { date: string; name?: string };

export function BusinessHoursAdmin() {
  const calendars = useLoaded(() => admin.calendars().then((r) => r.items));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = calendars.data?.find((c) => c.id === editing);
  return (
    <>
      <Panel title="Business hours">
        {calendars.error && <p className="error" role="alert">Could not load the calendars: {calendars.error}</p>}
        {calendars.data && (
          <table className="admin-table">
            <thead><tr><th scope="col">Calendar</th><th scope="col">Time zone</th><th scope="col">Hours</th><th scope="col">Holidays</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {calendars.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}{c.isDefault && <span className="badge">default</span>}</th>
                  <td>{c.timeZone}</td>
                  <td>{c.periods.length} periods a week</td>
                  <td>{c.holidays.length}</td>
                  <td><button type="button" onClick={() => setEditing(c.id)} aria-label={`Edit ${c.name}`}>Edit</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>New calendar</button>}
      </Panel>
      {editing !== null && (
        <CalendarForm
          key={editing}
          calendar={current}
          onDone={(changed) => {
            if (changed) calendars.reload();
            if (changed !== 'stay') setEditing(null);
          }}
        />
      )}
    </>
  );
}

function CalendarForm(props: { calendar?: Calendar; onDone(changed: boolean | 'stay'): void }) {
  const c = props.calendar;
  const [name, setName] = useState(c?.name ?? '');
  const [timeZone, setTimeZone] = useState(c?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [periods, setPeriods] = useState<Period[]>(c?.periods ?? [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })));
  const [holidays, setHolidays] = useState<Holiday[]>(c?.holidays ?? []);
  const [saved, setSaved] = useState(false);
  const { problems, busy, run } = useSubmit();
  const p = (f: string) => problemFor(problems, f);

  // A problem across periods (an overlap) names them as periods[i]: mark those rows and say it under the last.
  const acrossPeriods = Object.keys(problems.fields).some((k) => /^periods\.\d/.test(k)) ? undefined : p('periods');
  const named = [...(acrossPeriods ?? '').matchAll(/periods\[(\d+)\]/g)].map((m) => Number(m[1]));
  const sayAt = named.length ? Math.max(...named) : -1;
  const setPeriod = (i: number, patch: Partial<Period>) => setPeriods((ps) => ps.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setHoliday = (i: number, patch: Partial<Holiday>) => setHolidays((hs) => hs.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body = { name, timeZone, periods, holidays: holidays.map((h) => (h.name ? h : { date: h.date })) };
    const ok = await run(() => (c ? admin.updateCalendar(c.id, body) : admin.createCalendar(body)));
    if (ok) {
      setSaved(true);
      props.onDone(c ? 'stay' : true);
    }
  }

  return (
    <Panel title={c ? `Edit ${c.name}` : 'New calendar'}>
      <form className="admin-form" onSubmit={submit} aria-label={c ? `Edit ${c.name}` : 'New calendar'}>
        <div className="form-row">
          <Field label="Name" problem={p('name')}>{(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
          <Field label="Time zone" problem={p('timeZone')} hint="An IANA zone, e.g. Europe/London">{(a) => <input {...a} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} required />}</Field>
        </div>
        <fieldset className="group">
          <legend>Weekly hours</legend>
          <ul className="rows">
            {periods.map((x, i) => (
              <li key={i} className={`form-row${named.includes(i) ? ' conflict' : ''}`}>
                <Field label={`Day of period ${i + 1}`} problem={p(`periods.${i}.day`)}>
                  {(a) => (
                    <select {...a} value={x.day} onChange={(e) => setPeriod(i, { day: Number(e.target.value) })}>
                      {days.map((d, k) => <option key={d} value={k + 1}>{d}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={`Opens (period ${i + 1})`} problem={p(`periods.${i}.start`)}>{(a) => <input {...a} value={x.start} onChange={(e) => setPeriod(i, { start: e.target.value })} placeholder="09:00" size={6} />}</Field>
                <Field label={`Closes (period ${i + 1})`} problem={p(`periods.${i}.end`)}>{(a) => <input {...a} value={x.end} onChange={(e) => setPeriod(i, { end: e.target.value })} placeholder="17:00" size={6} />}</Field>
                <button type="button" className="link-button" onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))} aria-label={`Remove period ${i + 1}`}>Remove</button>
                {i === sayAt && <p className="field-error row-problem" role="alert">{acrossPeriods}</p>}
              </li>
            ))}
          </ul>
          {acrossPeriods && sayAt < 0 && <p className="field-error" role="alert">{acrossPeriods}</p>}
          <button type="button" onClick={() => setPeriods((ps) => [...ps, { day: 1, start: '09:00', end: '17:00' }])}>Add period</button>
        </fieldset>
        <fieldset className="group">
          <legend>Holidays</legend>
          {holidays.length === 0 && <p className="hint">No holidays: every week is the same.</p>}
          <ul className="rows">
            {holidays.map((h, i) => (
              <li key={i} className="form-row">
                <Field label={`Date of holiday ${i + 1}`} problem={p(`holidays.${i}.date`)}>{(a) => <input {...a} type="date" value={h.date} onChange={(e) => setHoliday(i, { date: e.target.value })} required />}</Field>
                <Field label={`Name of holiday ${i + 1}`} problem={p(`holidays.${i}.name`)}>{(a) => <input {...a} value={h.name ?? ''} onChange={(e) => setHoliday(i, { name: e.target.value })} />}</Field>
                <button type="button" className="link-button" onClick={() => setHolidays((hs) => hs.filter((_, j) => j !== i))} aria-label={`Remove holiday ${i + 1}`}>Remove</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setHolidays((hs) => [...hs, { date: '' }])}>Add holiday</button>
        </fieldset>
        <GeneralProblem problems={problems} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{c ? 'Save calendar' : 'Create calendar'}</button>
          <button type="button" onClick={() => props.onDone(false)}>Close</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
      {c && <IcsImport calendarId={c.id} onImported={(cal) => { setHolidays(cal.holidays); props.onDone('stay'); }} />}
    </Panel>
  );
}

function IcsImport(props: { calendarId: string; onImported(c: Calendar): void }) {
  const { problems, busy, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const file = f.get('file');
    const pasted = String(f.get('ics') ?? '');
    setDone(null);
    await run(async () => {
      const ics = file instanceof File && file.size > 0 ? await file.text() : pasted;
      const cal = await admin.importHolidays(props.calendarId, ics);
      form.reset();
      setDone(`Imported: the calendar now has ${cal.holidays.length} holidays.`);
      props.onImported(cal);
    });
  }
  return (
    <form className="admin-form" onSubmit={submit} aria-label="Import holidays">
      <h3>Import holidays from an .ics file</h3>
      <div className="form-row">
        <Field label="Calendar file (.ics)" problem={undefined}>{(a) => <input {...a} name="file" type="file" accept=".ics,text/calendar" />}</Field>
      </div>
      <Field label="Or paste the calendar" problem={problemFor(problems, 'ics')}>{(a) => <textarea {...a} name="ics" rows={3} placeholder="BEGIN:VCALENDAR…" />}</Field>
      <GeneralProblem problems={problems} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>Import holidays</button>
        {done && <span role="status">{done}</span>}
      </div>
    </form>
  );
}
