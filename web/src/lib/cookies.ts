import { secureCookies } from "./config.ts";

export const ACCESS_COOKIE = "lectern_at";
export const REFRESH_COOKIE = "lectern_rt";
/** Request header the proxy sets (after stripping any the client sent) with a freshly refreshed access token. */
export const ACCESS_HEADER = "x-lectern-access";

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "lax" | "strict";
  path: string;
  maxAge: number;
}

/** Session cookies: httpOnly (script never sees a token), SameSite=Lax, Secure behind TLS. */
export function sessionCookies(t: { accessToken: string; expiresIn: number; refreshToken: string; refreshExpiresAt: string }, nowMs = Date.now()): CookieSpec[] {
  const refreshAge = Math.max(0, Math.floor((Date.parse(t.refreshExpiresAt) - nowMs) / 1000));
  return [
    { name: ACCESS_COOKIE, value: t.accessToken, httpOnly: true, secure: secureCookies, sameSite: "lax", path: "/", maxAge: Math.max(0, t.expiresIn) },
    { name: REFRESH_COOKIE, value: t.refreshToken, httpOnly: true, secure: secureCookies, sameSite: "lax", path: "/", maxAge: refreshAge },
  ];
}

export function clearedSessionCookies(): CookieSpec[] {
  return [ACCESS_COOKIE, REFRESH_COOKIE].map((name) => ({ name, value: "", httpOnly: true, secure: secureCookies, sameSite: "lax", path: "/", maxAge: 0 }));
}
