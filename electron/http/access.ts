/**
 * Who may talk to the HTTP host: requests carrying the secret token, addressed to the loopback
 * names this server is reached by (a DNS-rebinding page names its own host), from no foreign
 * origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The loopback address the host binds, and the only one. */
export const LOOPBACK = '127.0.0.1';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The path after the token ('' for the page itself), or null when the request does not carry
 * the token: in the path (`/t/TOKEN/...`), or at `/...` in the header or the `token` parameter.
 */
export function authorizedPath(
  url: URL,
  header: string | string[] | undefined,
  token: string,
): string | null {
  const match = /^\/t\/([^/]*)(?:\/(.*))?$/s.exec(url.pathname);
  if (match) {
    if (!sameSecret(match[1] ?? '', token)) return null;
    return match[2] ?? null;
  }
  const given =
    typeof header === 'string' && header !== '' ? header : url.searchParams.get('token');
  if (given !== null && sameSecret(given, token)) return url.pathname.slice(1);
  return null;
}

/** Only the names this server is reached by on loopback; a rebinding attack sends its own. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-origin requests; ours is the only one accepted. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (
    origin !== undefined &&
    origin !== `http://${LOOPBACK}:${port}` &&
    origin !== `http://localhost:${port}`
  )
    return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
