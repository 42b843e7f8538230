/** The widget's calls to Heed's public API (another origin: CORS, the token as a bearer header). */

export type Suggestion = { title: string; slug: string; snippet: string };
export type Started = { reference: string; number: number; expectedReplyBy: string | null; token: string };
export type ChatMessage = {
  id: string;
  from: 'customer' | 'agent';
  authorName: string | null;
  body: string;
  createdAt: string;
  attachments: { id: string; filename: string; size: number }[];
};
export type Conversation = { reference: string; status: string; expectedReplyBy: string | null; messages: ChatMessage[] };

/** A refusal from Heed, with the message it gave. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A client for the Heed instance at `origin`. */
export function createApi(origin: string) {
  const call = async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
    const headers: Record<string, string> = {};
    if (init.body && typeof init.body === 'string') headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(origin + path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, credentials: 'omit' });
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, (data && data.error && data.error.message) || `request failed (${res.status})`);
    return data as T;
  };
  const conv = '/api/v1/public/conversations';
  return {
    suggest: (body: string, subject?: string) =>
      call<{ items: Suggestion[]; confident: boolean }>('/api/v1/knowledge/suggest', { method: 'POST', body: JSON.stringify({ body, subject, limit: 3 }) }),
    start: (input: { name: string; email: string; body: string; website: string }) =>
      call<Started>(conv, { method: 'POST', body: JSON.stringify(input) }),
    current: (token: string) => call<Conversation>(`${conv}/current`, { token }),
    send: (token: string, body: string) => call<{ id: string }>(`${conv}/current/messages`, { method: 'POST', token, body: JSON.stringify({ body }) }),
    attach: (token: string, file: File) =>
      call<{ messageId: string }>(`${conv}/current/attachments?filename=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        token,
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    streamUrl: (token: string) => `${origin}${conv}/current/stream?token=${encodeURIComponent(token)}`,
    /** A file of the conversation, fetched with the token (a plain link could not carry it). */
    file: async (token: string, id: string): Promise<Blob> => {
      const res = await fetch(`${origin}${conv}/current/attachments/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` }, credentials: 'omit' });
      if (!res.ok) throw new ApiError(res.status, `download failed (${res.status})`);
      return res.blob();
    },
  };
}

export type Api = ReturnType<typeof createApi>;
