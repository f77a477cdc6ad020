import type { NextRequest } from "next/server";
import { serviceUrls } from "@/lib/config";
import { sessionCookies, type CookieSpec } from "@/lib/cookies";
import { problemDetail, seeOther } from "@/lib/guard";
import { GOOGLE_STATE_COOKIE, setCookieValue } from "@/lib/google";
import { secureCookies } from "@/lib/config";
import type { Tokens } from "@/lib/refresh";

export const dynamic = "force-dynamic";

const clearState: CookieSpec = { name: GOOGLE_STATE_COOKIE, value: "", httpOnly: true, secure: secureCookies, sameSite: "lax", path: "/auth/google", maxAge: 0 };

function failed(request: NextRequest, why: string) {
  return seeOther(request, `/signin?error=${encodeURIComponent(why)}`, [clearState]);
}

// Google sends the browser back here (GOOGLE_REDIRECT_URI = <public URL>/auth/google/callback).
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const state = q.get("state");
  if (!state || state !== request.cookies.get(GOOGLE_STATE_COOKIE)?.value) {
    return failed(request, "That Google sign-in was not started in this browser, or took too long: try again.");
  }
  const forward = new URLSearchParams();
  for (const k of ["code", "state", "error"]) { const v = q.get(k); if (v) forward.set(k, v); }
  const headers = { "user-agent": request.headers.get("user-agent") ?? "browser" };
  let res: Response;
  try {
    res = await fetch(`${serviceUrls.identity}/api/v1/auth/google/callback?${forward}`, { redirect: "manual", cache: "no-store", headers });
  } catch {
    return failed(request, "Sign-in is unavailable right now; try again shortly.");
  }
  const refreshToken = res.status === 302 ? setCookieValue(res.headers.getSetCookie(), "lectern_refresh") : undefined;
  if (!refreshToken) return failed(request, await problemDetail(res, "Google sign-in failed."));
  // identity's answer carries its refresh token; one refresh turns it into this app's session
  const refreshed = await fetch(`${serviceUrls.identity}/api/v1/auth/refresh`, {
    method: "POST",
    cache: "no-store",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ refreshToken }),
  }).catch(() => undefined);
  if (!refreshed?.ok) return failed(request, await problemDetail(refreshed, "Google sign-in failed."));
  return seeOther(request, "/", [...sessionCookies((await refreshed.json()) as Tokens), clearState]);
}
