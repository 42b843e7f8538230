/** The saved versions of an article: which version, who saved it, when, and its title and status then. */
import { dateTime, label } from '../../lib/format.ts';
import { useLoaded } from '../admin/form.tsx';
import { knowledge } from './api.ts';

/** The version history of one article, newest first. */
export function ArticleVersions(props: { articleId: string }) {
  const versions = useLoaded(() => knowledge.versions(props.articleId).then((r) => [...r.items].sort((x, y) => y.version - x.version)));
  return (
    <section className="versions" aria-labelledby={`versions-${props.articleId}`}>
      <h3 id={`versions-${props.articleId}`}>Versions</h3>
      {versions.error && <p className="error" role="alert">Could not load the versions: {versions.error}</p>}
      {!versions.data && !versions.error && <p className="hint" role="status">Loading the versions…</p>}
      {versions.data && (
        <table className="admin-table" aria-label="Saved versions">
          <thead><tr><th scope="col">Version</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Saved by</th><th scope="col">When</th></tr></thead>
          <tbody>
            {versions.data.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{v.title}</td>
                <td>{label(v.status)}</td>
                <td>{v.changedBy?.name ?? 'Unknown'}</td>
                <td><time dateTime={v.changedAt}>{dateTime(v.changedAt)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
