import type { NextRequest } from "next/server";
import { REFRESH_COOKIE, clearedSessionCookies, sessionCookies } from "@/lib/cookies";
import { csrfField, csrfOk, forbidden, seeOther } from "@/lib/guard";
import { refresher } from "@/lib/refresher";

// The access token carries the tier it was issued with; after a purchase or a grant the reader asks
// for a fresh one here (same serialised refresh as the proxy) instead of waiting for it to expire.
export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken) return seeOther(request, "/signin?next=/account/billing");
  const tokens = await refresher.refresh(refreshToken);
  if (!tokens) return seeOther(request, "/signin?next=/account/billing", clearedSessionCookies());
  return seeOther(request, "/account/billing?refreshed=1", sessionCookies(tokens));
}
