import { z } from 'zod';
import { Attributes, Email, Line, Text } from '../http/schemas.ts';
import { phonePattern, normalizeIdentity } from './identities.ts';

/** What sales, marketing or a contract promised this customer. */
export const Expectations = z
  .object({
    plan: Line(120).optional(),
    responseTimeMinutes: z.number().int().min(1).max(60 * 24 * 90).optional(),
    namedContact: Line(200).optional(),
    promises: z.array(Line(300)).max(50).optional(),
    notes: Text(5000).optional(),
  })
  .strict();
export type ExpectationsValue = z.infer<typeof Expectations>;

export const Phone = z
  .string()
  .max(40)
  .refine((p) => phonePattern.test(normalizeIdentity('phone', p)), 'must be a phone number (digits, optional leading +)');
export const ExternalId = Line(200);

export const TimeZone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Paris');

export const CustomerBody = z.object({
  name: Line(200).optional(),
  emails: z.array(Email).max(20).optional(),
  phones: z.array(Phone).max(20).optional(),
  externalIds: z.array(ExternalId).max(20).optional(),
  organizationId: z.uuid().nullable().optional(),
  timezone: TimeZone.nullable().optional(),
  attributes: Attributes.optional(),
  expectations: Expectations.optional(),
});
export type CustomerInput = z.infer<typeof CustomerBody>;

export const OrganizationBody = z.object({
  name: Line(200),
  domains: z.array(Line(253).transform((d) => d.toLowerCase())).max(50).optional(),
  notes: Text(5000).nullable().optional(),
  attributes: Attributes.optional(),
  expectations: Expectations.optional(),
});
export type OrganizationInput = z.infer<typeof OrganizationBody>;
