/**
 * The signed-in session: the API's access token (short-lived) and refresh token (rotated on each
 * use), kept in sessionStorage.
 *
 * Why sessionStorage: it survives a reload of the tab (the person keeps working), but ends with the
 * tab or browser, so a shared office PC does not stay signed in; and each tab has its own copy, so
 * two tabs never race to use the same single-use refresh token (a rotation in one would revoke the
 * other's). localStorage would keep tokens on the PC indefinitely; an httpOnly cookie is not what the
 * API issues. The console runs under a strict Content-Security-Policy (no inline or foreign script),
 * which is what keeps other scripts from reading this storage.
 */

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  accessExpiresAt: number;
}

const KEY = 'pengaduan-staf.session';

export function loadTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Tokens;
    return typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? t : null;
  } catch {
    return null;
  }
}

export function saveTokens(t: { accessToken: string; refreshToken: string; expiresIn: number }): Tokens {
  const tokens: Tokens = {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    accessExpiresAt: Date.now() + t.expiresIn * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(tokens));
  return tokens;
}

export function clearTokens(): void {
  sessionStorage.removeItem(KEY);
}
