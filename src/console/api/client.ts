/**
 * The typed API client: openapi-fetch over the types generated from the API's OpenAPI document
 * (schema.d.ts, `npm run console:client`). Every request carries the access token; an answer 401
 * (or an access token about to expire) refreshes the session once, shared by concurrent requests,
 * and retries. When the refresh is refused the session has ended: `onSessionExpired` listeners
 * send the person back to sign in.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { clearTokens, loadTokens, saveTokens, type Tokens } from './session';

export type Schemas = components['schemas'];

const AUTH_PATHS = /\/api\/auth\/(login|refresh|logout)$/;
/** Refresh this long before the access token expires, so a request does not race its expiry. */
const EXPIRY_MARGIN_MS = 30_000;

let tokens: Tokens | null = loadTokens();
let refreshing: Promise<boolean> | null = null;
const expiredListeners = new Set<() => void>();

export function isSignedIn(): boolean {
  return tokens !== null;
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

function endSession(): void {
  tokens = null;
  clearTokens();
  for (const l of expiredListeners) l();
}

/** Exchanges the refresh token for a new pair (single flight). False when the session has ended. */
function refresh(): Promise<boolean> {
  if (!refreshing) {
    const current = tokens;
    refreshing = (async () => {
      if (!current) return false;
      try {
        const res = await fetch('/api/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
        });
        if (!res.ok) return false;
        tokens = saveTokens(await res.json());
        return true;
      } catch {
        // Network failure: keep the session, the request fails and can be retried.
        return true;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function authorisedFetch(request: Request): Promise<Response> {
  if (AUTH_PATHS.test(new URL(request.url).pathname)) return fetch(request);
  if (tokens && tokens.accessExpiresAt - EXPIRY_MARGIN_MS < Date.now()) {
    if (!(await refresh())) {
      endSession();
      return sessionEndedResponse();
    }
  }
  const retry = request.clone();
  const send = (req: Request) => {
    if (tokens) req.headers.set('authorization', `Bearer ${tokens.accessToken}`);
    return fetch(req);
  };
  const res = await send(request);
  if (res.status !== 401 || !tokens) return res;
  if (await refresh()) return send(retry);
  endSession();
  return res;
}

function sessionEndedResponse(): Response {
  return new Response(
    JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'Sesi Anda telah berakhir.' }),
    { status: 401, headers: { 'content-type': 'application/json' } },
  );
}

export const api = createClient<paths>({ baseUrl: location.origin, fetch: authorisedFetch });

/** A fetch with the session's token, for what the typed client does not cover (file downloads). */
export function fetchWithSession(url: string, init?: RequestInit): Promise<Response> {
  return authorisedFetch(new Request(new URL(url, location.origin), init));
}

/** Signs in. Null on success, else the API's message (in Bahasa Indonesia). */
export async function signIn(username: string, password: string): Promise<string | null> {
  const { data, error, response } = await api.POST('/api/auth/login', { body: { username, password } });
  if (data) {
    tokens = saveTokens(data);
    return null;
  }
  return errorMessage(error, response);
}

/** Signs out: the API revokes the refresh token; the tab forgets both tokens either way. */
export async function signOut(): Promise<void> {
  const current = tokens;
  tokens = null;
  clearTokens();
  if (current) {
    await api
      .POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } })
      .catch(() => undefined);
  }
}

/** The message of an API error body, or a generic one by status. */
export function errorMessage(error: unknown, response?: Response): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message)) return message.join(' ');
  if (response?.status === 503) return 'Layanan sedang tidak dapat dihubungi. Coba lagi sebentar lagi.';
  return `Permintaan gagal${response ? ` (kode ${response.status})` : ''}. Coba lagi.`;
}
