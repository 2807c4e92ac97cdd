import i18n, { currentLanguage } from '../i18n/index.ts';

/** A failed API call: the server's stable code and its message in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let unauthenticatedListener: ((error: ApiError) => void) | null = null;

/** The token of the current session, sent back on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers every write needs: the session's CSRF token and the UI language (for uploads sent outside `api`). */
export function writeHeaders(): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** Called when a signed-in request is answered 401: the session has ended on the server. */
export function onSessionEnded(listener: (error: ApiError) => void): void {
  unauthenticatedListener = listener;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: unknown } {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value
    && typeof value.code === 'string' && typeof value.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Calls the Sinergi API and returns its JSON answer, or throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  const body = await readJson(response);
  if (response.ok) return body as T;
  const isSessionCall = path === '/auth/me' || path === '/auth/login';
  throw failedResponse(response.status, body, !isSessionCall);
}

/** The ApiError for a failed answer; a 401 outside the sign-in calls also ends the session in the UI. */
export function failedResponse(status: number, body: unknown, endsSession = true): ApiError {
  const error = isErrorBody(body)
    ? new ApiError(status, body.code, body.message, body.details)
    : new ApiError(status, 'http_error', i18n.t('errors.unexpected', { status }));
  if (status === 401 && endsSession) unauthenticatedListener?.(error);
  return error;
}
