/** The admin pages (admins only; the API refuses everyone else anyway): one section at a time. */
import { useTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { AgentsAdmin } from './AgentsAdmin.tsx';
import { ArticlesAdmin } from './ArticlesAdmin.tsx';
import { BusinessHoursAdmin } from './BusinessHoursAdmin.tsx';
import { CustomersAdmin } from './CustomersAdmin.tsx';
import { InsightsAdmin } from './InsightsAdmin.tsx';
import { MacrosAdmin } from './MacrosAdmin.tsx';
import { MailboxesAdmin } from './MailboxesAdmin.tsx';
import { SlaAdmin } from './SlaAdmin.tsx';
import { TokensAdmin } from './TokensAdmin.tsx';

export const adminSections = [
  { id: 'agents', label: 'Agents and teams', page: AgentsAdmin },
  { id: 'mailboxes', label: 'Mailboxes', page: MailboxesAdmin },
  { id: 'business-hours', label: 'Business hours', page: BusinessHoursAdmin },
  { id: 'sla', label: 'SLA policies', page: SlaAdmin },
  { id: 'tokens', label: 'API tokens', page: TokensAdmin },
  { id: 'articles', label: 'Articles', page: ArticlesAdmin },
  { id: 'macros', label: 'Macros', page: MacrosAdmin },
  { id: 'insights', label: 'Insights', page: InsightsAdmin },
  { id: 'customer-channels', label: 'Customer channels', page: CustomersAdmin },
] as const;

export function AdminPage(props: { section: string }) {
  const { me } = useSession();
  const section = adminSections.find((s) => s.id === props.section) ?? adminSections[0];
  useTitle(section.label);
  if (me.role !== 'admin') {
    return (
      <section className="admin">
        <h1>Administration</h1>
        <p className="empty">Only admins can change the workspace's settings.</p>
      </section>
    );
  }
  const Page = section.page;
  return (
    <section className="admin" aria-labelledby="admin-title">
      <header className="page-head">
        <h1 id="admin-title">{section.label}</h1>
      </header>
      <Page key={section.id} />
    </section>
  );
}
