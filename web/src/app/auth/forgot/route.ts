import type { NextRequest } from "next/server";
import { identityApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, seeOther } from "@/lib/guard";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  await identityApi().POST("/api/v1/auth/password-reset", { body: { email: String(form.get("email") ?? "") } });
  // the same answer whether or not the address has an account
  return seeOther(request, "/forgot-password?sent=1");
}
