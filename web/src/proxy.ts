import { NextResponse, type NextRequest } from "next/server";
import { ACCESS_COOKIE, ACCESS_HEADER, REFRESH_COOKIE, clearedSessionCookies, sessionCookies, type CookieSpec } from "./lib/cookies.ts";
import { CSRF_COOKIE, CSRF_REQUEST_HEADER, newCsrfToken } from "./lib/csrf.ts";
import { expiresSoon } from "./lib/jwt.ts";
import { refresher } from "./lib/refresher.ts";
import { secureCookies } from "./lib/config.ts";
import { isPostSlug, slugStatuses, type SlugStatus } from "./lib/slugStatus.ts";
import { removedPostHtml } from "./lib/removedPost.ts";

const POST_PATH = /^\/posts\/([^/]+)$/;
// The pages rendered once for everyone (home, post, series, tags): their answer carries no cookie, so the
// gateway and any cache in front of it may share it with every anonymous reader (ADR 0103). They embed no
// CSRF token; the user menu's /bff/session call, made on every page, sets the cookie on a first visit.
const SHARED_PAGE = /^\/(?:posts\/[^/]+|series(?:\/[^/]+)?|tags(?:\/[^/]+)?)?$/;
// Browsers keep a 301 without a lifetime forever, and an author may rename a post back; private, since
// the answer may carry a refreshed session's cookies.
const STATUS_CACHE_CONTROL = "private, max-age=60";

// Before every page and /bff call: refresh an expiring access token (serialised per refresh token),
// hand the fresh token to the render through a request header, make sure a CSRF cookie exists, and
// send signed-in readers of a post to its personal (uncached) rendering. A post's old slug answers 301
// to the new address and a deleted post 410, for every reader (docs/adr/0101-post-address-status.md).
export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(ACCESS_HEADER);
  headers.delete(CSRF_REQUEST_HEADER);
  const existingCsrf = request.cookies.get(CSRF_COOKIE)?.value;
  const csrf = existingCsrf ?? newCsrfToken();
  headers.set(CSRF_REQUEST_HEADER, csrf);
  const set: CookieSpec[] = [];
  let access = request.cookies.get(ACCESS_COOKIE)?.value;
  const refresh = request.cookies.get(REFRESH_COOKIE)?.value;
  if (refresh && expiresSoon(access, Math.floor(Date.now() / 1000))) {
    const tokens = await refresher.refresh(refresh);
    if (tokens) {
      set.push(...sessionCookies(tokens));
      access = tokens.accessToken;
    } else {
      set.push(...clearedSessionCookies());
      access = undefined;
    }
  }
  if (access && !expiresSoon(access, Math.floor(Date.now() / 1000), 0)) headers.set(ACCESS_HEADER, access);
  else access = undefined;

  const path = request.nextUrl.pathname;
  const post = POST_PATH.exec(path)?.[1];
  let status: SlugStatus | undefined;
  if (post && isPostSlug(post) && (request.method === "GET" || request.method === "HEAD")) {
    const known = slugStatuses();
    status = known.peek(post) ?? (await known.status(post)); // a remembered status is one Map lookup
  }
  let response: NextResponse;
  if (status?.kind === "moved") {
    const url = request.nextUrl.clone();
    url.pathname = `/posts/${encodeURIComponent(status.slug)}`;
    response = NextResponse.redirect(url, 301);
    response.headers.set("cache-control", STATUS_CACHE_CONTROL);
  } else if (status?.kind === "gone") {
    response = new NextResponse(request.method === "HEAD" ? null : await removedPostHtml(), {
      status: 410,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": STATUS_CACHE_CONTROL },
    });
  } else if (access && post !== undefined) {
    const url = request.nextUrl.clone();
    url.pathname = `/personal${path}`;
    response = NextResponse.rewrite(url, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  for (const c of set) response.cookies.set(c);
  const shared = (request.method === "GET" || request.method === "HEAD") && SHARED_PAGE.test(path);
  if (!existingCsrf && !shared) {
    response.cookies.set({ name: CSRF_COOKIE, value: csrf, httpOnly: false, secure: secureCookies, sameSite: "lax", path: "/" });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
