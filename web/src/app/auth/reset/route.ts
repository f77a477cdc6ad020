import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther } from "@/lib/guard";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const token = String(form.get("token") ?? "");
  const { response, error } = await identityApi().POST("/api/v1/auth/password-reset/confirm", {
    body: { token, newPassword: String(form.get("newPassword") ?? "") },
  });
  if (error !== undefined || !response.ok) {
    return seeOther(request, `/reset-password?token=${encodeURIComponent(token)}&error=${encodeURIComponent(await problemDetail(response, "The password could not be reset.", error))}`);
  }
  return seeOther(request, "/signin?reset=1");
}
