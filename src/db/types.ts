import type { ColumnType, Generated, Selectable } from 'kysely';

/** Row types of Heed's tables, as Kysely sees them. Keep in step with src/db/migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type ReadOnly<T> = ColumnType<T, never, never>;

export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Channel = 'email' | 'web' | 'chat' | 'api' | 'phone';
export type Role = 'admin' | 'agent';
export type Availability = 'available' | 'away' | 'offline';
export type IdentityKind = 'email' | 'phone' | 'external';
export type HandoffStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface AgentsTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Generated<Role>;
  password_hash: string | null;
  skills: TextArray;
  availability: Generated<Availability>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  lead_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: string;
  agent_id: string;
  added_at: CreatedAt;
}

export interface WorkspaceTable {
  id: Generated<boolean>;
  name: Generated<string>;
  timezone: Generated<string>;
  default_owner_id: string | null;
  default_team_id: string | null;
  day_start: Generated<string>;
  day_end: Generated<string>;
  commitment_default_days: Generated<number>;
  eta_minutes_per_inquiry: Generated<number>;
  widget_origins: ColumnType<string[], string[] | undefined, string[]>;
  portal_organization_tickets: Generated<boolean>;
  survey_scale: Generated<'five' | 'binary'>;
  survey_quiet_days: Generated<number>;
  created_at: CreatedAt;
}

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  domains: TextArray;
  notes: string | null;
  attributes: Json;
  expectations: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string | null;
  organization_id: string | null;
  timezone: string | null;
  attributes: Json;
  expectations: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CustomerIdentitiesTable {
  id: Generated<string>;
  customer_id: string;
  kind: IdentityKind;
  value: string;
  created_at: CreatedAt;
  bounced_at: Timestamp | null;
  bounce_reason: string | null;
}

export interface TicketsTable {
  id: Generated<string>;
  number: Generated<number>;
  subject: string;
  status: Generated<TicketStatus>;
  priority: Generated<Priority>;
  priority_rank: ReadOnly<number>;
  channel: Channel;
  tags: TextArray;
  custom_fields: Json;
  requester_id: string;
  team_id: string | null;
  owner_id: string;
  handoff_count: Generated<number>;
  bounced: ReadOnly<boolean>;
  follow_up_of_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  solved_at: Timestamp | null;
  closed_at: Timestamp | null;
  reply_token: Generated<string>;
  mailbox_id: string | null;
  last_public_from: 'customer' | 'agent' | null;
  waiting_since: Timestamp | null;
  first_replied_at: Timestamp | null;
  next_due_at: Timestamp | null;
  expected_reply_by: Timestamp | null;
  first_expected_reply_by: Timestamp | null;
  eta_updates: Generated<number>;
  ack_pending: Generated<boolean>;
  follow_up_at: Timestamp | null;
  follow_up_agent_id: string | null;
}

export interface MessagesTable {
  id: Generated<string>;
  ticket_id: string;
  kind: 'reply' | 'note';
  direction: 'inbound' | 'outbound';
  channel: Channel;
  author_agent_id: string | null;
  author_customer_id: string | null;
  body_text: string;
  body_html: string | null;
  coach: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface AttachmentsTable {
  id: Generated<string>;
  ticket_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: CreatedAt;
}

export interface HandoffsTable {
  id: Generated<string>;
  ticket_id: string;
  from_agent_id: string;
  requested_by_id: string;
  to_agent_id: string | null;
  to_team_id: string | null;
  note: string;
  status: Generated<HandoffStatus>;
  decline_reason: string | null;
  resolved_by_id: string | null;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface EventsTable {
  id: Generated<number>;
  action: string;
  entity: string;
  entity_id: string;
  ticket_id: string | null;
  actor_kind: 'agent' | 'customer' | 'system';
  actor_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface AuthTokensTable {
  id: Generated<string>;
  agent_id: string;
  kind: 'session' | 'api';
  name: string | null;
  token_hash: string;
  csrf_token: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MailboxesTable {
  id: Generated<string>;
  address: string;
  name: string;
  team_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type InboundOutcome = 'ticketed' | 'auto_reply' | 'bounce' | 'dead_letter' | 'duplicate';

export interface InboundEmailsTable {
  id: Generated<string>;
  received_via: 'smtp' | 'imap' | 'api' | 'import';
  mailbox_id: string | null;
  envelope_from: string | null;
  envelope_to: TextArray;
  message_id: string | null;
  from_address: string | null;
  subject: string | null;
  body_hash: string;
  size_bytes: number;
  raw: Buffer;
  outcome: InboundOutcome;
  reason: string | null;
  ticket_id: string | null;
  message_id_ref: string | null;
  retried_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MessageEmailsTable {
  message_id: string;
  ticket_id: string;
  direction: 'inbound' | 'outbound';
  message_id_header: string;
  in_reply_to: string | null;
  reference_ids: TextArray;
  from_address: string;
  to_addresses: TextArray;
  cc_addresses: TextArray;
  body_hash: string | null;
  new_text: string | null;
  delivery_status: 'queued' | 'sent' | 'failed' | null;
  delivery_error: string | null;
  delivery_attempts: Generated<number>;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface TicketParticipantsTable {
  ticket_id: string;
  address: string;
  role: Generated<'cc' | 'requester'>;
  created_at: CreatedAt;
}

export interface AutoMailLogTable {
  id: Generated<number>;
  address: string;
  kind: string;
  created_at: CreatedAt;
}

export type SlaMetric = 'first_response' | 'next_response' | 'resolution';
export type CommitmentStatus = 'open' | 'kept' | 'missed' | 'cancelled';

export interface BusinessCalendarsTable {
  id: Generated<string>;
  name: string;
  time_zone: string;
  periods: Json<unknown>;
  holidays: Json<unknown>;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  name: string;
  position: Generated<number>;
  enabled: Generated<boolean>;
  is_default: Generated<boolean>;
  calendar_id: string;
  conditions: Json<unknown>;
  targets: Json<unknown>;
  honor_expectations: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SlaClocksTable {
  ticket_id: string;
  metric: SlaMetric;
  policy_id: string | null;
  calendar_id: string | null;
  target_minutes: number;
  cycle_started_at: Timestamp;
  running_since: Timestamp | null;
  elapsed_minutes: Generated<number>;
  paused_at: Timestamp | null;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  stopped_at: Timestamp | null;
  met: boolean | null;
}

export interface CommitmentsTable {
  id: Generated<string>;
  ticket_id: string;
  owner_id: string;
  message_id: string | null;
  text: string;
  action: string | null;
  due_at: Timestamp;
  due_stated: Generated<boolean>;
  status: Generated<CommitmentStatus>;
  source: 'reply' | 'manual' | 'survey';
  remind_at: Timestamp | null;
  reminded_at: Timestamp | null;
  missed_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_by_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  agent_id: string;
  kind: string;
  ticket_id: string | null;
  commitment_id: string | null;
  body: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface MailboxImapTable {
  mailbox_id: string;
  host: string;
  port: number;
  secure: Generated<boolean>;
  username: string;
  password: string;
  folder: Generated<string>;
  after_import: Generated<'seen' | 'move' | 'delete'>;
  move_to: string | null;
  enabled: Generated<boolean>;
  uidvalidity: number | null;
  last_uid: Generated<number>;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  lease_token: string | null;
  lease_until: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ArticleStatus = 'draft' | 'published';

export interface ArticlesTable {
  id: Generated<string>;
  title: string;
  slug: string;
  body: string;
  category: string | null;
  tags: TextArray;
  status: Generated<ArticleStatus>;
  locale: Generated<string>;
  version: Generated<number>;
  views: ColumnType<string, never, string>;
  helpful_yes: Generated<number>;
  helpful_no: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface ArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  body: string;
  category: string | null;
  tags: TextArray;
  status: ArticleStatus;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface ArticleFeedbackTable {
  id: Generated<string>;
  article_id: string;
  helpful: boolean;
  source: Generated<'help' | 'portal' | 'agent' | 'widget'>;
  created_at: CreatedAt;
}

export type MacroAction = { type: 'set_status'; status: TicketStatus } | { type: 'add_tag'; tag: string } | { type: 'remove_tag'; tag: string };

export interface MacrosTable {
  id: Generated<string>;
  name: string;
  body: string;
  actions: Json<MacroAction[]>;
  tags: TextArray;
  active: Generated<boolean>;
  usage_count: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TicketTermsTable {
  term: string;
  weight: number;
  ticket_id: string;
}

export interface KnowledgeTermsTable {
  term: string;
  df: number;
}

export interface TicketIndexTable {
  ticket_id: string;
  terms: Json<Record<string, number>>;
  indexed_at: CreatedAt;
}

export interface KnowledgeModelsTable {
  name: string;
  trained_at: Timestamp;
  examples: number;
  data: Json<unknown>;
}

export interface InquiryGroupsTable {
  id: Generated<string>;
  computed_at: Timestamp;
  since: Timestamp;
  until: Timestamp;
  label: string;
  key_terms: TextArray;
  size: number;
  ticket_ids: TextArray;
  article_id: string | null;
}

export interface SystemEmailsTable {
  id: Generated<string>;
  kind: 'portal_link' | 'survey';
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  ticket_id: string | null;
  status: Generated<'queued' | 'sent' | 'failed'>;
  error: string | null;
  attempts: Generated<number>;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface PortalLinksTable {
  id: Generated<string>;
  customer_id: string;
  email: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PortalSessionsTable {
  id: Generated<string>;
  customer_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ConversationTokensTable {
  token_hash: string;
  ticket_id: string;
  customer_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp | null;
}

export interface SurveysTable {
  id: Generated<string>;
  ticket_id: string;
  customer_id: string;
  token_hash: string;
  agent_id: string | null;
  team_id: string | null;
  channel: string;
  scale: 'five' | 'binary';
  sent_at: Generated<Date>;
  rating: number | null;
  comment: string | null;
  answered_at: Timestamp | null;
  follow_up_commitment_id: string | null;
}

export interface DB {
  system_emails: SystemEmailsTable;
  portal_links: PortalLinksTable;
  portal_sessions: PortalSessionsTable;
  conversation_tokens: ConversationTokensTable;
  surveys: SurveysTable;
  ticket_terms: TicketTermsTable;
  knowledge_terms: KnowledgeTermsTable;
  ticket_index: TicketIndexTable;
  knowledge_models: KnowledgeModelsTable;
  inquiry_groups: InquiryGroupsTable;
  articles: ArticlesTable;
  article_versions: ArticleVersionsTable;
  article_feedback: ArticleFeedbackTable;
  macros: MacrosTable;
  mailbox_imap: MailboxImapTable;
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  sla_clocks: SlaClocksTable;
  commitments: CommitmentsTable;
  notifications: NotificationsTable;
  mailboxes: MailboxesTable;
  inbound_emails: InboundEmailsTable;
  message_emails: MessageEmailsTable;
  ticket_participants: TicketParticipantsTable;
  auto_mail_log: AutoMailLogTable;
  agents: AgentsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  workspace: WorkspaceTable;
  organizations: OrganizationsTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  tickets: TicketsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  handoffs: HandoffsTable;
  events: EventsTable;
  auth_tokens: AuthTokensTable;
}

export type Agent = Selectable<AgentsTable>;
export type Team = Selectable<TeamsTable>;
export type Customer = Selectable<CustomersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type Ticket = Selectable<TicketsTable>;
export type Message = Selectable<MessagesTable>;
export type Handoff = Selectable<HandoffsTable>;
export type Attachment = Selectable<AttachmentsTable>;
export type SlaClock = Selectable<SlaClocksTable>;
export type Commitment = Selectable<CommitmentsTable>;
export type Article = Selectable<ArticlesTable>;
export type Macro = Selectable<MacrosTable>;

// The tsvector columns (tickets.subject_search, messages.search) stay out of these types and out of every
// select: they are for the database's search, and sending them to Node would cost more than the row itself.
export const ticketColumns = [
  'id', 'number', 'subject', 'status', 'priority', 'priority_rank', 'channel', 'tags', 'custom_fields', 'requester_id',
  'team_id', 'owner_id', 'handoff_count', 'bounced', 'follow_up_of_id', 'created_at', 'updated_at', 'solved_at',
  'closed_at', 'reply_token', 'mailbox_id', 'last_public_from', 'waiting_since', 'first_replied_at', 'next_due_at',
  'expected_reply_by', 'first_expected_reply_by', 'eta_updates', 'ack_pending', 'follow_up_at', 'follow_up_agent_id',
] as const satisfies readonly (keyof TicketsTable)[];
export const messageColumns = [
  'id', 'ticket_id', 'kind', 'direction', 'channel', 'author_agent_id', 'author_customer_id', 'body_text', 'body_html', 'coach', 'created_at',
] as const satisfies readonly (keyof MessagesTable)[];
