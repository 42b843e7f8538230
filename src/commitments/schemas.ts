import { z } from 'zod';
import { Cursor, Limit, Line, Text, Uuid } from '../http/schemas.ts';

/** An instant with its offset ("2026-03-11T17:00:00Z", "…+01:00"): a time without a zone means nothing to a promise. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-11T17:00:00Z' });
const PromiseText = Text(2_000)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, 'must not be empty');
const Action = Line(200);

export const CommitmentStatus = z.enum(['open', 'kept', 'missed', 'cancelled']);

export const ListCommitmentsQuery = z.object({
  status: CommitmentStatus.optional(),
  ownerId: Uuid.optional(),
  ticketId: Uuid.optional(),
  /** Promises due before this instant. */
  dueBefore: Instant.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const CreateCommitmentBody = z
  .object({
    text: PromiseText,
    action: Action.nullable().optional(),
    /** When the promise is due; omitted: the workspace default (end of the business day, N business days on). */
    dueAt: Instant.optional(),
  })
  .strict();

export const UpdateCommitmentBody = z
  .object({
    text: PromiseText.optional(),
    dueAt: Instant.optional(),
    // open and missed are states a promise reaches by itself
    status: z.enum(['kept', 'cancelled'], { message: "must be 'kept' or 'cancelled'" }).optional(),
    ownerId: Uuid.optional(),
  })
  .strict()
  // Keeping or cancelling ends the promise: a new due time alongside would be dropped without a word.
  .refine((b) => !(b.status && b.dueAt), { message: 'dueAt cannot change together with status', path: ['dueAt'] });
