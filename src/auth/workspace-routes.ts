import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TimeZone } from '../customers/schemas.ts';
import { changes, recordEvent } from '../events/record.ts';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, Line, Uuid } from '../http/schemas.ts';

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
  const load = async () => {
    const w = await db.selectFrom('workspace').selectAll().executeTakeFirstOrThrow();
    return { name: w.name, timezone: w.timezone, defaultOwnerId: w.default_owner_id, defaultTeamId: w.default_team_id };
  };

  r.get('/api/v1/workspace', { schema: { tags: ['workspace'], response: { 200: WorkspaceJson, ...errorResponses } } }, load);

  r.patch('/api/v1/workspace', {
    config: { access: 'admin' },
    schema: {
      tags: ['workspace'],
      body: z.object({ name: Line(120), timezone: TimeZone, defaultOwnerId: Uuid, defaultTeamId: Uuid.nullable() }).partial().strict(),
      response: { 200: WorkspaceJson, ...errorResponses },
    },
  }, async (req) => {
    const b = req.body;
    await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('workspace').selectAll().forUpdate().executeTakeFirstOrThrow();
      if (b.defaultOwnerId) {
        const a = await tx.selectFrom('agents').select('id').where('id', '=', b.defaultOwnerId).where('active', '=', true).executeTakeFirst();
        if (!a) throw new HeedError('reference_not_found', 'defaultOwnerId: no active agent with this id');
      }
      if (b.defaultTeamId) {
        const t = await tx.selectFrom('teams').select('id').where('id', '=', b.defaultTeamId).executeTakeFirst();
        if (!t) throw new HeedError('reference_not_found', 'defaultTeamId: no such team');
      }
      const values = { name: b.name, timezone: b.timezone, default_owner_id: b.defaultOwnerId, default_team_id: b.defaultTeamId };
      const diff = changes(before as unknown as Record<string, unknown>, values);
      if (!diff.changed) return;
      await tx.updateTable('workspace').set(values).execute();
      await recordEvent(tx, {
        action: 'workspace.updated',
        entity: 'workspace',
        entityId: '00000000-0000-0000-0000-000000000000',
        actor: { kind: 'agent', id: principalOf(req).agentId },
        before: diff.before,
        after: diff.after,
      });
    });
    return load();
  });
}
