import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther } from "@/lib/guard";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const email = String(form.get("email") ?? "");
  const displayName = String(form.get("displayName") ?? "");
  const { response, error } = await identityApi().POST("/api/v1/auth/register", {
    body: { email, password: String(form.get("password") ?? ""), displayName },
  });
  if (error !== undefined || !response.ok) {
    const why = await problemDetail(response, "Registration failed.", error);
    return seeOther(request, `/register?error=${encodeURIComponent(why)}&email=${encodeURIComponent(email)}&displayName=${encodeURIComponent(displayName)}`);
  }
  return seeOther(request, `/register?done=${encodeURIComponent(email)}`);
}
