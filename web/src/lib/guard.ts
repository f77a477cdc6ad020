import { NextResponse, type NextRequest } from "next/server";
import { publicUrl } from "./config.ts";
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, sameOrigin, tokensMatch } from "./csrf.ts";
import { ACCESS_HEADER, type CookieSpec } from "./cookies.ts";
import { problemText } from "./problem.ts";

/** Origins a state-changing request may come from: the public address and the one it arrived at. */
export function allowedOrigins(request: NextRequest): string[] {
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return host ? [publicUrl, `${proto}://${host}`] : [publicUrl];
}

/** CSRF check for a state-changing request: same origin and the double-submit token. */
export function csrfOk(request: NextRequest, submitted: string | null | undefined): boolean {
  return sameOrigin(request.headers.get("origin"), request.headers.get("referer"), allowedOrigins(request), request.headers.get("sec-fetch-site"))
    && tokensMatch(request.cookies.get(CSRF_COOKIE)?.value, submitted ?? request.headers.get(CSRF_HEADER));
}

export function csrfField(form: FormData): string | null {
  const v = form.get(CSRF_FIELD);
  return typeof v === "string" ? v : null;
}

/** The access token the proxy attached (refreshed when needed). */
export function tokenOf(request: NextRequest): string | undefined {
  return request.headers.get(ACCESS_HEADER) ?? undefined;
}

/** 303 to a path on this site (never elsewhere: open-redirect safe). */
export function seeOther(request: NextRequest, path: string, cookies: CookieSpec[] = []): NextResponse {
  const safe = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(publicUrl).host;
  const res = NextResponse.redirect(new URL(safe, `${proto}://${host}`), 303);
  for (const c of cookies) res.cookies.set(c);
  return res;
}

export function forbidden(): NextResponse {
  return NextResponse.json(
    { type: "https://lectern.dev/problems/csrf", title: "Forbidden", status: 403, detail: "Missing or wrong CSRF token, or a foreign origin." },
    { status: 403, headers: { "content-type": "application/problem+json" } },
  );
}

/**
 * The problem detail a service answered, for showing to the person. Pass openapi-fetch's `error` (the body
 * it already parsed) as `parsed`: the response's own body is spent once openapi-fetch has read it.
 */
export async function problemDetail(res: Response | undefined, fallback: string, parsed?: unknown): Promise<string> {
  if (parsed !== undefined) return problemText(parsed, fallback);
  if (!res || res.bodyUsed) return fallback;
  try {
    return problemText(await res.clone().json(), fallback);
  } catch {
    return fallback;
  }
}
