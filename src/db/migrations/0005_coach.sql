-- The reply coach's reading of an agent's public reply, kept with the message for coaching:
-- {findings: [{kind, start, end, excerpt, message, suggestion}], commitments: [...]}. Sending is never blocked by it.
alter table messages add column coach jsonb;
create index messages_coached_idx on messages (created_at) where coach is not null and jsonb_array_length(coach->'findings') > 0;
