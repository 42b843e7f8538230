/**
 * A minimal Server-Sent Events reader over fetch, for tests and scripts that watch /api/v1/stream from Node
 * (browsers use EventSource). Collects each `data:` message parsed as JSON.
 */
export type SseMessage = { type: string; [key: string]: unknown };

export type SseReader = {
  status: number;
  contentType: string | null;
  messages: SseMessage[];
  /** Raw text received, comments and retry hints included. */
  text(): string;
  /** The first message (in arrival order, from `from` on) that matches, waiting up to timeoutMs for it. */
  waitFor(match: (m: SseMessage) => boolean, timeoutMs?: number, from?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

/** Opens the stream at url with the given headers; resolves once the response headers arrived. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let raw = '';
  let pending = '';
  let done = false;
  const ended = (async () => {
    if (!res.body) {
      done = true;
      return;
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const text = decoder.decode(chunk, { stream: true });
        raw += text;
        pending += text;
        let cut: number;
        while ((cut = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, cut);
          pending = pending.slice(cut + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (data) messages.push(JSON.parse(data) as SseMessage);
        }
        waiters.forEach((w) => w());
      }
    } catch {
      // aborted by close(), or the connection dropped: the stream has ended either way
    }
    done = true;
    waiters.forEach((w) => w());
  })();

  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages,
    text: () => raw,
    ended,
    close: () => abort.abort(),
    waitFor(match, timeoutMs = 5_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.slice(from).find(match);
          if (found) finish(() => resolve(found));
          else if (done) finish(() => reject(new Error(`stream ended without the message; got ${JSON.stringify(messages)}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`))), timeoutMs);
        const finish = (then: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          then();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
