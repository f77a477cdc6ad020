import { NextResponse, type NextRequest } from "next/server";
import { serviceUrls, secureCookies } from "@/lib/config";
import { problemDetail, seeOther } from "@/lib/guard";
import { GOOGLE_STATE_COOKIE, stateOf } from "@/lib/google";

export const dynamic = "force-dynamic";

// "Sign in with Google": identity makes the attempt (state, nonce, PKCE) and answers with Google's
// consent URL; the state is also kept in a short-lived cookie so only this browser can complete it.
export async function GET(request: NextRequest) {
  let res: Response;
  try {
    res = await fetch(`${serviceUrls.identity}/api/v1/auth/google/start`, { redirect: "manual", cache: "no-store" });
  } catch {
    return seeOther(request, `/signin?error=${encodeURIComponent("Sign-in is unavailable right now; try again shortly.")}`);
  }
  const location = res.headers.get("location");
  const state = location ? stateOf(location) : undefined;
  if (res.status !== 302 || !location || !state) {
    const why = await problemDetail(res, "Google sign-in is unavailable.");
    return seeOther(request, `/signin?error=${encodeURIComponent(why)}`);
  }
  const out = NextResponse.redirect(location, 302);
  out.cookies.set({ name: GOOGLE_STATE_COOKIE, value: state, httpOnly: true, secure: secureCookies, sameSite: "lax", path: "/auth/google", maxAge: 600 });
  out.headers.set("cache-control", "no-store");
  return out;
}
