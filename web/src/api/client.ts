/**
 * Requests to Heed's API with the session cookie. The cookie is HttpOnly; changes must also carry the CSRF
 * token, which is held in memory only: on start-up the app asks GET /api/v1/auth/session for it, so no script
 * can read it from storage and a reload or a second tab still finds the session.
 */
let csrf: string | null = null;
/** Fired on window after every change the app makes through the API. */
export const CHANGED = 'heed:changed';

/** A problem the API names a field for (validation errors list one per field). */
export type FieldProblem = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The field problems in `details`, when the API gave any. */
  fields(): FieldProblem[] {
    const d = this.details;
    const list = Array.isArray(d) ? d : d && typeof d === 'object' ? [d] : [];
    return list.filter((x): x is FieldProblem => Boolean(x) && typeof x.field === 'string').map((x) => ({ field: x.field, message: String(x.message ?? this.message) }));
  }
}

let signedOut: () => void = () => {};

/** Called when the API says the session is gone (expired, revoked, or signed out elsewhere). */
export function onSignedOut(fn: () => void): void {
  signedOut = fn;
}

export function csrfToken(): string | null {
  return csrf;
}

export function setCsrfToken(token: string | null): void {
  csrf = token;
}

type Query = Record<string, string | number | undefined>;

/** Turns a failed response into the ApiError it names (and notices a session that ended). */
async function failure(res: Response, path: string): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  const code = body?.error?.code ?? 'error';
  // A refused sign-in is a wrong password, and no session at start-up is a first visit: neither ended a session.
  if ((res.status === 401 || code === 'csrf_failed') && path !== '/api/v1/auth/login' && path !== '/api/v1/auth/session') signedOut();
  return new ApiError(res.status, code, body?.error?.message ?? `the request failed (${res.status})`, body?.error?.details);
}

/** Uploads a file as the raw request body (the attachments API takes bytes, not JSON); resolves to the JSON answer. */
export async function upload<T>(path: string, file: Blob, query: Query = {}): Promise<T> {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network', 'Heed cannot be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await failure(res, path);
  window.dispatchEvent(new Event(CHANGED));
  return (await res.json()) as T;
}

/** Sends one request; resolves to the JSON body (undefined for 204) or throws ApiError. */
export async function request<T>(method: string, path: string, opts: { body?: unknown; query?: Query; signal?: AbortSignal } = {}): Promise<T> {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Heed cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  if (!res.ok) throw await failure(res, path);
  const body = (await res.json().catch(() => null)) as unknown;
  // Counts and lists elsewhere on screen may have moved; reading the coach changes nothing.
  if (method !== 'GET' && path !== '/api/v1/coach') window.dispatchEvent(new Event(CHANGED));
  return body as T;
}
