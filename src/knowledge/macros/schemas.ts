import { z } from 'zod';
import type { Macro } from '../../db/types.ts';
import { Cursor, Limit, Line, Query, Text, Uuid } from '../../http/schemas.ts';
import { Status, Tag, Tags } from '../../tickets/schemas.ts';
import { unknownPlaceholders } from './render.ts';

/** One thing a macro does to the ticket it is applied to. */
export const MacroActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), status: Status }).strict(),
  z.object({ type: z.literal('add_tag'), tag: Tag }).strict(),
  z.object({ type: z.literal('remove_tag'), tag: Tag }).strict(),
]);
export const MacroActions = z.array(MacroActionSchema).max(10, 'must have at most 10 actions');

/** Plain text of at most 50,000 characters using only the placeholders Heed knows. */
export const MacroText = Text(50_000).superRefine((body, ctx) => {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    ctx.addIssue({ code: 'custom', message: `unknown placeholders: ${unknown.map((u) => `{{${u}}}`).join(', ')}` });
  }
});

const fields = {
  name: Line(120),
  body: MacroText,
  actions: MacroActions,
  tags: Tags,
  active: z.boolean(),
};

export const CreateMacroBody = z
  .object({ ...fields, actions: fields.actions.default([]), tags: fields.tags.default([]), active: fields.active.default(true) })
  .strict();
export type CreateMacroInput = z.infer<typeof CreateMacroBody>;

export const UpdateMacroBody = z.object(fields).partial().strict();
export type UpdateMacroInput = z.infer<typeof UpdateMacroBody>;

export const ListMacrosQuery = z.object({
  active: z.enum(['true', 'false']).optional(),
  q: Query(200).optional(),
  limit: Limit,
  cursor: Cursor,
});

export const RenderBody = z.object({ ticketId: Uuid }).strict();
export const ApplyParams = z.object({ ticketId: Uuid, id: Uuid });

export const MacroJson = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  actions: z.array(MacroActionSchema),
  tags: z.array(z.string()),
  active: z.boolean(),
  usageCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A macro row as the API shows it. */
export const presentMacro = (m: Macro): z.infer<typeof MacroJson> => ({
  id: m.id,
  name: m.name,
  body: m.body,
  actions: m.actions,
  tags: m.tags,
  active: m.active,
  usageCount: m.usage_count,
  createdAt: m.created_at.toISOString(),
  updatedAt: m.updated_at.toISOString(),
});
