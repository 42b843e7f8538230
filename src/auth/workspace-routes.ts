import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TimeZone } from '../customers/schemas.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { errorResponses, Line, Uuid } from '../http/schemas.ts';
import { getWorkspace, updateWorkspace } from './workspace.ts';

const WorkspaceJson = z.object({
  name: z.string(),
  timezone: z.string(),
  defaultOwnerId: z.string().nullable(),
  defaultTeamId: z.string().nullable(),
});

/** Workspace settings: name, time zone, and where tickets go when no team can take them. */
export function workspaceRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/api/v1/workspace', { schema: { tags: ['workspace'], response: { 200: WorkspaceJson, ...errorResponses } } }, () => getWorkspace(db));

  r.patch('/api/v1/workspace', {
    config: { access: 'admin' },
    schema: {
      tags: ['workspace'],
      body: z.object({ name: Line(120), timezone: TimeZone, defaultOwnerId: Uuid, defaultTeamId: Uuid.nullable() }).partial().strict(),
      response: { 200: WorkspaceJson, ...errorResponses },
    },
  }, async (req) => updateWorkspace(db, { kind: 'agent', id: principalOf(req).agentId }, req.body));
}
