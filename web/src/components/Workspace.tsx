/** The signed-in frame: header with search and sign-out, queue views with counts, and the current page. */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useShortcuts } from '../hooks.ts';
import { agentViews, viewCountLabel } from '../lib/views.ts';
import { followLink, navigate, useRoute } from '../router.ts';
import { useSession } from '../session.tsx';
import { QueuePage } from './QueuePage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { TicketPage } from './TicketPage.tsx';
import { useViewCounts } from './useViewCounts.ts';
import { useLiveEvents } from '../hooks/liveEvents.ts';
import { CommitmentsView } from './CommitmentsView.tsx';
import { AdminPage, adminSections } from './admin/AdminPage.tsx';

export function Workspace() {
  const session = useSession();
  const route = useRoute();
  const [now, setNow] = useState(() => new Date());
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);

  const views = useMemo(() => agentViews(session.me, session.teams, now), [session, now]);
  const live = useLiveEvents();
  // Counts move with the route (the agent's own changes) and with live events (everyone else's).
  const counts = useViewCounts(views, JSON.stringify(route) + live.listVersion);

  useShortcuts({
    search: () => searchRef.current?.focus(),
    help: () => setHelp(true),
    escape: () => (document.activeElement as HTMLElement | null)?.blur(),
  });

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  }

  const activeView = route.page === 'queue' ? (views.find((v) => v.id === route.view) ?? views[0]!) : null;

  return (
    <div className="workspace">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <a className="brand" href="/queue/mine" onClick={(e) => followLink(e, '/queue/mine')}>
          <span className="brand-mark" aria-hidden="true">●</span> Heed
        </a>
        <form role="search" className="search" onSubmit={search}>
          <label htmlFor="search" className="visually-hidden">Search tickets</label>
          <input
            id="search"
            ref={searchRef}
            name="q"
            type="search"
            placeholder="Search tickets  ( / )"
            defaultValue={route.page === 'search' ? route.q : ''}
            key={route.page === 'search' ? route.q : 'search'}
          />
          <button type="submit">Search</button>
        </form>
        <div className="who">
          <span>{session.me.name}</span>
          <button type="button" className="link-button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">?</button>
          <button type="button" onClick={session.signOut}>Sign out</button>
        </div>
      </header>
      <div className="views">
        <nav aria-label="Queues">
          <ul>
            {views.map((v) => (
              <li key={v.id}>
                <a
                  href={`/queue/${v.id}`}
                  aria-current={activeView?.id === v.id ? 'page' : undefined}
                  title={v.hint}
                  onClick={(e) => followLink(e, `/queue/${v.id}`)}
                >
                  <span>{v.label}</span>
                  <span className="count">
                    {viewCountLabel(counts[v.countKey])}
                    <span className="visually-hidden">{v.kind === 'commitments' ? ' promises' : ' tickets'}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {session.me.role === 'admin' && (
          <nav aria-labelledby="admin-nav">
            <h2 className="nav-heading" id="admin-nav">Admin</h2>
            <ul>
              {adminSections.map((a) => (
                <li key={a.id}>
                  <a href={`/admin/${a.id}`} aria-current={route.page === 'admin' && route.section === a.id ? 'page' : undefined} onClick={(e) => followLink(e, `/admin/${a.id}`)}>
                    <span>{a.label}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <main id="main" className="content" tabIndex={-1}>
        {route.page === 'ticket' && <TicketPage key={route.id} id={route.id} />}
        {route.page === 'search' && <SearchPage key={route.q} q={route.q} />}
        {route.page === 'admin' && <AdminPage section={route.section} />}
        {activeView?.kind === 'commitments' && <CommitmentsView />}
        {activeView?.kind === 'tickets' && <QueuePage key={activeView.id} view={activeView} version={live.listVersion} />}
      </main>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
