import { randomBytes, timingSafeEqual } from "node:crypto";

// CSRF: double-submit token (cookie `lectern_csrf`, readable by the page, echoed in a form field or an
// `x-csrf-token` header) plus an Origin check. SameSite=Lax session cookies already keep other sites'
// POSTs unauthenticated; the token covers same-site subdomains and old browsers.
export const CSRF_COOKIE = "lectern_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_FIELD = "csrf";
/** Request header the proxy sets so a page rendered on the first visit can embed the token the cookie will carry. */
export const CSRF_REQUEST_HEADER = "x-lectern-csrf";

export function newCsrfToken(): string {
  return randomBytes(24).toString("base64url");
}

export function tokensMatch(cookie: string | undefined | null, submitted: string | undefined | null): boolean {
  if (!cookie || !submitted) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Where a state-changing request comes from. Browsers say it in Sec-Fetch-Site (trusted when present);
 * else Origin, else Referer must be an allowed origin. Behind the gateway's Referrer-Policy: no-referrer
 * a same-origin POST carries "Origin: null", which alone proves nothing either way, so a request with
 * no usable signal is left to the double-submit token (which every state-changing request needs).
 */
export function sameOrigin(origin: string | null, referer: string | null, allowed: string[], secFetchSite: string | null = null): boolean {
  if (secFetchSite) return secFetchSite === "same-origin";
  const source = origin && origin !== "null" ? origin : referer ? safeOrigin(referer) : null;
  if (source === null) return !referer;
  return allowed.includes(source);
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
