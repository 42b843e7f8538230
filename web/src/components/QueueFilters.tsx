/** The filter bar above a queue: status, priority, tag and sort, each change written to the URL. */
import { useEffect, useState, type FormEvent } from 'react';
import { hasFilters, sortNames, sorts, type QueueFilters as Filters } from '../lib/filters.ts';
import { label, priorities, statuses } from '../lib/format.ts';

export function QueueFilters(props: { filters: Filters; onChange(next: Filters): void }) {
  const f = props.filters;
  const [tag, setTag] = useState(f.tag ?? '');
  // Back/forward and "Clear filters" change the URL under the box.
  useEffect(() => setTag(f.tag ?? ''), [f.tag]);
  const set = (k: keyof Filters, v: string) => props.onChange({ ...f, [k]: v || undefined });

  function applyTag(e: FormEvent) {
    e.preventDefault();
    set('tag', tag.trim().toLowerCase());
  }

  return (
    <form className="queue-filters" aria-label="Filters and sort" onSubmit={applyTag}>
      <div className="field inline">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={f.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any</option>
          {statuses.map((s) => <option key={s} value={s}>{label(s)}</option>)}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="filter-priority">Priority</label>
        <select id="filter-priority" value={f.priority ?? ''} onChange={(e) => set('priority', e.target.value)}>
          <option value="">Any</option>
          {priorities.map((p) => <option key={p} value={p}>{label(p)}</option>)}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="filter-tag">Tag</label>
        <input id="filter-tag" value={tag} size={10} onChange={(e) => setTag(e.target.value)} onBlur={() => (tag.trim().toLowerCase() || undefined) !== f.tag && set('tag', tag.trim().toLowerCase())} />
      </div>
      <div className="field inline">
        <label htmlFor="filter-sort">Sort</label>
        <select id="filter-sort" value={f.sort ?? ''} onChange={(e) => set('sort', e.target.value)}>
          <option value="">The view's order</option>
          {sorts.map((s) => <option key={s} value={s}>{sortNames[s]}</option>)}
        </select>
      </div>
      {hasFilters(f) && (
        <button type="button" className="link-button" onClick={() => { setTag(''); props.onChange({}); }}>Clear filters</button>
      )}
    </form>
  );
}
