import type { NextRequest } from "next/server";
import { seeOther } from "@/lib/guard";
import { billingApi } from "@/api/client";
import { adminForm, answer, isResponse } from "@/lib/adminForms";
import { backTo, utcInstant } from "@/lib/admin";

// Grant premium by hand, or revoke a manual grant.
export async function POST(request: NextRequest) {
  const f = await adminForm(request, ["admin"]);
  if (isResponse(f)) return f;
  const api = billingApi(f.token);
  switch (f.field("op")) {
    case "grant": {
      const expiresAt = utcInstant(f.field("expiresAt"));
      if (!expiresAt) return seeOther(request, backTo(f.back, { error: "Give the moment the grant ends." }));
      const r = await api.POST("/api/v1/billing/admin/grants", { body: { userId: f.field("userId"), expiresAt, note: f.field("note") } });
      return answer(request, f, r, `Premium granted until ${expiresAt.slice(0, 16).replace("T", " ")} UTC.`);
    }
    case "revoke": {
      const r = await api.POST("/api/v1/billing/admin/grants/{id}/revoke", { params: { path: { id: f.field("id") } }, body: { note: f.field("note") } });
      return answer(request, f, r, "The grant is revoked.");
    }
    default:
      return answer(request, f, undefined, "");
  }
}
