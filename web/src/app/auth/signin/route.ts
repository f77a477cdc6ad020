import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { sessionCookies } from "@/lib/cookies";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther } from "@/lib/guard";
import type { Tokens } from "@/lib/refresh";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const next = String(form.get("next") ?? "/");
  const { data, error, response } = await identityApi().POST("/api/v1/auth/login", {
    body: { email, password },
    headers: { "user-agent": request.headers.get("user-agent") ?? "browser" },
  });
  if (!data) {
    const why = await problemDetail(response, "Sign-in failed.", error);
    return seeOther(request, `/signin?error=${encodeURIComponent(why)}&email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`);
  }
  return seeOther(request, next, sessionCookies(data as Tokens));
}
