/**
 * Requests to Heed's API with the session cookie. The cookie is HttpOnly; changes must also carry the CSRF
 * token given at sign-in, which is kept in localStorage so a reload or a second tab stays signed in.
 */
const CSRF_KEY = 'heed.csrf';
/** Fired on window after every change the app makes through the API. */
export const CHANGED = 'heed:changed';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let signedOut: () => void = () => {};

/** Called when the API says the session is gone (expired, revoked, or signed out elsewhere). */
export function onSignedOut(fn: () => void): void {
  signedOut = fn;
}

export function csrfToken(): string | null {
  return localStorage.getItem(CSRF_KEY);
}

export function setCsrfToken(token: string | null): void {
  if (token) localStorage.setItem(CSRF_KEY, token);
  else localStorage.removeItem(CSRF_KEY);
}

type Query = Record<string, string | number | undefined>;

/** Sends one request; resolves to the JSON body (undefined for 204) or throws ApiError. */
export async function request<T>(method: string, path: string, opts: { body?: unknown; query?: Query; signal?: AbortSignal } = {}): Promise<T> {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
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
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) {
    const code = body?.error?.code ?? 'error';
    // A refused sign-in is a wrong password, not an ended session.
    if ((res.status === 401 || code === 'csrf_failed') && path !== '/api/v1/auth/login') signedOut();
    throw new ApiError(res.status, code, body?.error?.message ?? `the request failed (${res.status})`);
  }
  // Counts and lists elsewhere on screen may have moved; reading the coach changes nothing.
  if (method !== 'GET' && path !== '/api/v1/coach') window.dispatchEvent(new Event(CHANGED));
  return body as T;
}
