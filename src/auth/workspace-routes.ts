import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TimeZone } from '../customers/schemas.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, Line, Uuid } from '../http/schemas.ts';
import { getWorkspace, updateWorkspace } from './workspace.ts';
import { requestResync } from '../sla/resync.ts';

const WorkspaceJson = z.object({
  name: z.string(),
  timezone: z.string(),
  defaultOwnerId: z.string().nullable(),
  defaultTeamId: z.string().nullable(),
  dayStart: z.string(),
  dayEnd: z.string(),
  commitmentDefaultDays: z.number(),
  etaMinutesPerInquiry: z.number(),
  widgetOrigins: z.array(z.string()),
  portalOrganizationTickets: z.boolean(),
  surveyScale: z.enum(['five', 'binary']),
  surveyQuietDays: z.number(),
});
// A site allowed to embed the widget: https://host[:port] (http only for this machine, for development).
const Origin = z
  .string()
  .trim()
  .max(300)
  .transform((s) => s.toLowerCase().replace(/\/$/, ''))
  .refine((s) => {
    try {
      const u = new URL(s);
      const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
      return u.origin === s && (u.protocol === 'https:' || (u.protocol === 'http:' && local));
    } catch {
      return false;
    }
  }, "must be an origin such as 'https://shop.example' or 'https://shop.example:8443' (no path)");
const HourMinute = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time of day 'HH:MM'");

/** Workspace settings: name, time zone, business day, and where tickets go when no team can take them. */
export function workspaceRoutes(app: FastifyInstance, { database, jobs }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/api/v1/workspace', { schema: { tags: ['workspace'], response: { 200: WorkspaceJson, ...errorResponses } } }, () => getWorkspace(db));

  r.patch('/api/v1/workspace', {
    config: { access: 'admin' },
    schema: {
      tags: ['workspace'],
      body: z
        .object({
          name: Line(120),
          timezone: TimeZone,
          defaultOwnerId: Uuid,
          defaultTeamId: Uuid.nullable(),
          // The business day that due times such as "by end of day" and "tomorrow" are read in.
          dayStart: HourMinute,
          dayEnd: HourMinute.or(z.literal('24:00')),
          // A promise that names no time is due at the end of this many business days.
          commitmentDefaultDays: z.number().int().min(1).max(30),
          // Minutes one agent needs per inquiry, for the reply time told to customers.
          etaMinutesPerInquiry: z.number().int().min(1).max(480),
          // Sites whose pages may call the public API (the widget, a custom form), by CORS.
          widgetOrigins: z.array(Origin).max(20, 'must list at most 20 origins').transform((o) => [...new Set(o)]),
          // Whether a customer sees their organization's tickets in the portal.
          portalOrganizationTickets: z.boolean(),
          surveyScale: z.enum(['five', 'binary']),
          // Days a customer is not surveyed again after a survey.
          surveyQuietDays: z.number().int().min(0).max(365),
        })
        .partial()
        .strict()
        .refine((b) => !b.dayStart || !b.dayEnd || b.dayStart < b.dayEnd, { message: 'dayEnd must be after dayStart', path: ['dayEnd'] }),
      response: { 200: WorkspaceJson, ...errorResponses },
    },
  }, async (req) => {
    const w = await updateWorkspace(db, { kind: 'agent', id: principalOf(req).agentId }, req.body);
    if (req.body.timezone || req.body.dayStart || req.body.dayEnd) await requestResync(db, jobs);
    return w;
  });
}
