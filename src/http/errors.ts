/** The one catalogue of error codes Heed answers with, and the HTTP status of each. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  already_exists: 409,
  handoff_pending: 409,
  agent_owns_tickets: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  invalid_transition: 422,
  note_required: 422,
  reason_required: 422,
  reference_not_found: 422,
  no_owner_available: 422,
  ticket_closed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** A failure with a stable code; thrown by domain functions and turned into JSON by the HTTP layer. */
export class HeedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HeedError';
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new HeedError('not_found', `${what} not found`);

type PgError = { code?: string; constraint?: string; detail?: string; table?: string };

/** Maps a PostgreSQL error to a HeedError when it states a domain problem (unique or reference violation). */
export function fromDatabaseError(err: unknown): HeedError | undefined {
  const e = err as PgError;
  if (typeof e?.code !== 'string') return undefined;
  switch (e.code) {
    case '23505':
      return new HeedError('already_exists', describeUnique(e.constraint), { constraint: e.constraint });
    case '23503':
      return new HeedError('reference_not_found', 'a referenced record does not exist', { constraint: e.constraint });
    case '23514':
      return new HeedError('rule_violation', 'a value breaks a rule of the domain', { constraint: e.constraint });
    case '22P05': // text or JSON PostgreSQL cannot hold
    case '22021':
    case '22P02':
    case '22007':
    case '22008':
      return new HeedError('validation_failed', 'a value has a form the database cannot store');
    case '54000':
      return new HeedError('payload_too_large', 'a value is too large to store');
    default:
      return undefined;
  }
}

const uniqueMessages: Record<string, string> = {
  agents_email_key: 'an agent with this email already exists',
  teams_name_key: 'a team with this name already exists',
  organizations_name_key: 'an organization with this name already exists',
  customer_identities_value_key: 'this identity already belongs to a customer',
  handoffs_one_pending: 'a handoff is already pending for this ticket',
};

function describeUnique(constraint: string | undefined): string {
  return (constraint && uniqueMessages[constraint]) ?? 'a record with these values already exists';
}
