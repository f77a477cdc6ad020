import type { NextRequest } from "next/server";
import { notifyApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther } from "@/lib/guard";

export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const { response, error } = await notifyApi().POST("/api/v1/newsletter/subscribe", { body: { email: String(form.get("email") ?? "") } });
  if (error !== undefined || !response.ok) return seeOther(request, `/newsletter?error=${encodeURIComponent(await problemDetail(response, "Not subscribed.", error))}`);
  return seeOther(request, "/newsletter?sent=1");
}
