import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther } from "@/lib/guard";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const { response, error } = await identityApi().POST("/api/v1/auth/verify", { body: { token: String(form.get("token") ?? "") } });
  if (error !== undefined || !response.ok) {
    return seeOther(request, `/verify-email?error=${encodeURIComponent(await problemDetail(response, "This link is invalid or has expired.", error))}`);
  }
  return seeOther(request, "/signin?verified=1");
}
