import { z } from 'zod';
import type { Agent, Team } from '../db/types.ts';

export const AgentJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'agent']),
  skills: z.array(z.string()),
  availability: z.enum(['available', 'away', 'offline']),
  active: z.boolean(),
  createdAt: z.string(),
});

export const presentAgent = (a: Agent): z.infer<typeof AgentJson> => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  skills: a.skills,
  availability: a.availability,
  active: a.active,
  createdAt: a.created_at.toISOString(),
});

export const TeamJson = z.object({
  id: z.string(),
  name: z.string(),
  leadId: z.string().nullable(),
  memberIds: z.array(z.string()),
  createdAt: z.string(),
});

export const presentTeam = (t: Team & { member_ids: string[] }): z.infer<typeof TeamJson> => ({
  id: t.id,
  name: t.name,
  leadId: t.lead_id,
  memberIds: t.member_ids,
  createdAt: t.created_at.toISOString(),
});
