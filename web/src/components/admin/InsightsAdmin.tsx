/** Insights: inquiries customers repeat (knowledge gaps and those an article answers) and satisfaction survey results. */
import { useEffect, useId, useState } from 'react';
import { request } from '../../api/client.ts';
import { dateTime } from '../../lib/format.ts';
import { followLink } from '../../router.ts';
import { knowledge } from '../knowledge/api.ts';
import { GeneralProblem, Panel, useLoaded, useSubmit } from './form.tsx';

export type InquiryGroup = { id: string; label: string; size: number; ticketIds: string[]; articleId: string | null; keyTerms: string[] };
export type CsatGroup = {
  key: string | null; name: string; responses: number; sent: number; responseRate: number | null; csat: number | null; mean: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>; lowRatings: number;
  comments: { ticketNumber: number; rating: number; comment: string; answeredAt: string }[];
};
type GroupBy = 'none' | 'agent' | 'team' | 'channel';

const insights = {
  repeated: (fresh: boolean) => request<{ groups: InquiryGroup[] }>('GET', '/api/v1/insights/repeated-inquiries', { query: { minSize: '2', ...(fresh ? { fresh: 'true' } : {}) } }),
  csat: (groupBy: GroupBy) => request<{ groups: CsatGroup[] }>('GET', '/api/v1/insights/csat', { query: { groupBy } }),
};

/** The Insights admin page. */
export function InsightsAdmin() {
  return (
    <>
      <RepeatedInquiries />
      <Csat />
    </>
  );
}

function ArticlesLink(props: { children: string; label?: string }) {
  return <a href="/admin/articles" aria-label={props.label} onClick={(e) => followLink(e, '/admin/articles')}>{props.children}</a>;
}

function RepeatedInquiries() {
  const [groups, setGroups] = useState<InquiryGroup[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [recomputed, setRecomputed] = useState(false);
  const { problems, busy, run } = useSubmit();

  useEffect(() => {
    let live = true;
    insights.repeated(false).then((r) => live && setGroups(r.groups)).catch((err: unknown) => live && setLoadError((err as Error).message));
    return () => {
      live = false;
    };
  }, []);

  // The titles of the articles that answer a group; a deleted or unreadable one keeps its id.
  useEffect(() => {
    const ids = [...new Set((groups ?? []).map((g) => g.articleId).filter((id): id is string => id !== null && !(id in titles)))];
    if (ids.length === 0) return;
    let live = true;
    void Promise.all(ids.slice(0, 50).map((id) => knowledge.article(id).then((a) => [id, a.title] as const, () => [id, id] as const))).then((pairs) => {
      if (live) setTitles((old) => ({ ...old, ...Object.fromEntries(pairs) }));
    });
    return () => {
      live = false;
    };
  }, [groups, titles]);

  async function recompute() {
    setRecomputed(false);
    if (await run(async () => setGroups((await insights.repeated(true)).groups))) setRecomputed(true);
  }

  const gaps = (groups ?? []).filter((g) => g.articleId === null).sort((a, b) => b.size - a.size);
  const answered = (groups ?? []).filter((g) => g.articleId !== null).sort((a, b) => b.size - a.size);
  return (
    <Panel title="Repeated inquiries">
      <p className="hint">Tickets of the last weeks that ask the same thing, grouped by their words.</p>
      <div className="form-actions">
        <button type="button" onClick={() => void recompute()} disabled={busy}>{busy ? 'Recomputing…' : 'Recompute now'}</button>
        {recomputed && <p className="hint" role="status">Recomputed.</p>}
      </div>
      <GeneralProblem problems={problems} />
      {loadError && <p className="error" role="alert">Could not load the repeated inquiries: {loadError}</p>}
      {groups === null && !loadError && <p className="hint" role="status">Loading the repeated inquiries…</p>}
      {groups?.length === 0 && <p className="empty">No repeated inquiries yet. Groups appear when at least two tickets ask alike.</p>}
      {groups && groups.length > 0 && (
        <>
          <h3 id="gaps-title">Knowledge gaps</h3>
          {gaps.length === 0 ? (
            <p className="empty">Every repeated inquiry has an article.</p>
          ) : (
            <table className="admin-table" aria-labelledby="gaps-title">
              <thead><tr><th scope="col">Inquiry</th><th scope="col">Tickets</th><th scope="col">Key terms</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {gaps.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.label}</th>
                    <td>{g.size}</td>
                    <td>{g.keyTerms.length ? <ul className="terms">{g.keyTerms.map((k) => <li key={k}>{k}</li>)}</ul> : '—'}</td>
                    <td><ArticlesLink label={`Write an article for ${g.label}`}>Write an article</ArticlesLink></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 id="answered-title">Answered by an article</h3>
          {answered.length === 0 ? (
            <p className="empty">No repeated inquiry has an article yet.</p>
          ) : (
            <table className="admin-table" aria-labelledby="answered-title">
              <thead><tr><th scope="col">Inquiry</th><th scope="col">Tickets</th><th scope="col">Article</th></tr></thead>
              <tbody>
                {answered.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.label}</th>
                    <td>{g.size}</td>
                    <td><ArticlesLink>{titles[g.articleId!] ?? g.articleId!}</ArticlesLink></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Panel>
  );
}

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function Csat() {
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const selectId = useId();
  return (
    <Panel title="Customer satisfaction">
      <p className="hint">Survey answers of the last 30 days. CSAT is the share of good ratings among the answers.</p>
      <div className="field">
        <label htmlFor={selectId}>Group by</label>
        <select id={selectId} value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
          <option value="none">Everything together</option>
          <option value="agent">Agent</option>
          <option value="team">Team</option>
          <option value="channel">Channel</option>
        </select>
      </div>
      <CsatReport key={groupBy} groupBy={groupBy} />
    </Panel>
  );
}

function CsatReport(props: { groupBy: GroupBy }) {
  const report = useLoaded(() => insights.csat(props.groupBy).then((r) => r.groups));
  return (
    <>
      {report.error && <p className="error" role="alert">Could not load the survey results: {report.error}</p>}
      {report.data === null && !report.error && <p className="hint" role="status">Loading the survey results…</p>}
      {report.data?.length === 0 && <p className="empty">No surveys in this period.</p>}
      {report.data?.map((g) => <CsatTable key={g.key ?? 'none'} group={g} />)}
    </>
  );
}

function CsatTable(props: { group: CsatGroup }) {
  const g = props.group;
  const titleId = useId();
  return (
    <section className="csat-group" aria-labelledby={titleId}>
      <h3 id={titleId}>{g.name}</h3>
      <table className="admin-table csat-table" aria-labelledby={titleId}>
        <thead>
          <tr><th scope="col">Responses / sent</th><th scope="col">Response rate</th><th scope="col">CSAT</th><th scope="col">Mean</th><th scope="col">Ratings 1–5</th><th scope="col">Low ratings</th></tr>
        </thead>
        <tbody>
          <tr>
            <td>{g.responses} / {g.sent}</td>
            <td>{percent(g.responseRate)}</td>
            <td className="csat-value">{percent(g.csat)}</td>
            <td>{g.mean === null ? '—' : g.mean.toFixed(2)}</td>
            <td>
              <ol className="distribution" aria-label="Ratings from 1 to 5">
                {(['1', '2', '3', '4', '5'] as const).map((r) => <li key={r}><span className="visually-hidden">Rating {r}: </span>{g.distribution[r]}</li>)}
              </ol>
            </td>
            <td>{g.lowRatings}</td>
          </tr>
        </tbody>
      </table>
      {g.comments.length > 0 && (
        <>
          <h4>Latest comments</h4>
          <ul className="csat-comments">
            {g.comments.map((c) => (
              <li key={`${c.ticketNumber}-${c.answeredAt}`}>
                <span className="badge">#{c.ticketNumber} · {c.rating}</span> <span className="csat-comment">{c.comment}</span>{' '}
                <time className="hint" dateTime={c.answeredAt}>{dateTime(c.answeredAt)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
