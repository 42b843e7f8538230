import { z } from 'zod';
import type { CustomerDetail } from './service.ts';
import type { OrganizationDetail } from './organizations.ts';
import type { Customer } from '../db/types.ts';

const ExpectationsJson = z.object({
  plan: z.string().optional(),
  responseTimeMinutes: z.number().optional(),
  namedContact: z.string().optional(),
  promises: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

export const CustomerSummaryJson = z.object({
  id: z.string(),
  name: z.string().nullable(),
  organizationId: z.string().nullable(),
  createdAt: z.string(),
});

export const CustomerJson = CustomerSummaryJson.extend({
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  externalIds: z.array(z.string()),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  timezone: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  expectations: ExpectationsJson,
  updatedAt: z.string(),
});

export const presentCustomerSummary = (c: Customer) => ({
  id: c.id,
  name: c.name,
  organizationId: c.organization_id,
  createdAt: c.created_at.toISOString(),
});

export const presentCustomer = (c: CustomerDetail): z.infer<typeof CustomerJson> => ({
  ...presentCustomerSummary(c),
  emails: c.identities.filter((i) => i.kind === 'email').map((i) => i.value),
  phones: c.identities.filter((i) => i.kind === 'phone').map((i) => i.value),
  externalIds: c.identities.filter((i) => i.kind === 'external').map((i) => i.value),
  organization: c.organization,
  timezone: c.timezone,
  attributes: c.attributes,
  expectations: c.expectations,
  updatedAt: c.updated_at.toISOString(),
});

export const OrganizationJson = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  notes: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  expectations: ExpectationsJson,
  customerCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const presentOrganization = (o: OrganizationDetail): z.infer<typeof OrganizationJson> => ({
  id: o.id,
  name: o.name,
  domains: o.domains,
  notes: o.notes,
  attributes: o.attributes,
  expectations: o.expectations,
  customerCount: o.customer_count,
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
});
