import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { REFRESH_COOKIE, clearedSessionCookies } from "@/lib/cookies";
import { csrfField, csrfOk, forbidden, seeOther, tokenOf } from "@/lib/guard";

// Sign out here (revokes this session's refresh-token family) or everywhere (every session of the user).
export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  const token = tokenOf(request);
  if (form.get("everywhere") === "1" && token) await identityApi(token).DELETE("/api/v1/auth/sessions");
  if (refreshToken) await identityApi().POST("/api/v1/auth/logout", { body: { refreshToken } });
  return seeOther(request, "/?signedout=1", clearedSessionCookies());
}
