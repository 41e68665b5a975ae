import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';

/**
 * The cookie the Temporal Web UI's requests to the codec endpoint carry (the UI cannot send our
 * Bearer token): the access token itself, HttpOnly, SameSite=Lax, only for the codec's path, as
 * short-lived as the token. Set at sign-in and refresh, cleared at sign-out.
 */
export const CODEC_COOKIE = 'pengaduan_codec';
/** Where the codec endpoint is served (outside the /api prefix: the Web UI's codec.endpoint). */
export const CODEC_PATH = '/codec';

function cookieOptions(req: Request) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    // https directly or behind a proxy that says so (TRUST_PROXY); plain http on a developer's machine.
    secure: req.secure,
    path: CODEC_PATH,
  };
}

export function setCodecCookie(
  req: Request,
  res: Response,
  accessToken: string,
  expiresInSeconds: number,
): void {
  res.cookie(CODEC_COOKIE, accessToken, { ...cookieOptions(req), maxAge: expiresInSeconds * 1000 });
}

export function clearCodecCookie(req: Request, res: Response): void {
  res.clearCookie(CODEC_COOKIE, cookieOptions(req));
}

/** The codec cookie's value in the request's Cookie header, if any (the `cookie` package parses it). */
export function codecCookieOf(req: {
  headers: Record<string, string | string[] | undefined>;
}): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  return parseCookies(header)[CODEC_COOKIE] || undefined;
}
