import type { NextRequest } from "next/server";
import { identityApi, type IdentitySchemas } from "@/api/client";
import { adminForm, answer, isResponse } from "@/lib/adminForms";
import { rolesFrom } from "@/lib/admin";

// Change a user's roles, suspend or unsuspend them.
export async function POST(request: NextRequest) {
  const f = await adminForm(request, ["admin"]);
  if (isResponse(f)) return f;
  const api = identityApi(f.token);
  const path = { id: f.field("id") };
  switch (f.field("op")) {
    case "roles": {
      const roles = rolesFrom(f.form.getAll("role"));
      const r = await api.PUT("/api/v1/admin/users/{id}/roles", { params: { path }, body: { roles } });
      const who = (r.data as IdentitySchemas["AdminUserResponse"] | undefined)?.displayName ?? "the user";
      return answer(request, f, r, `Roles of ${who}: ${roles.join(", ")}. They apply from the next sign-in or token refresh.`);
    }
    case "suspend": {
      const r = await api.POST("/api/v1/admin/users/{id}/suspend", { params: { path } });
      const who = (r.data as IdentitySchemas["AdminUserResponse"] | undefined)?.displayName ?? "The user";
      return answer(request, f, r, `${who} is suspended and signed out everywhere.`);
    }
    case "unsuspend": {
      const r = await api.POST("/api/v1/admin/users/{id}/unsuspend", { params: { path } });
      const who = (r.data as IdentitySchemas["AdminUserResponse"] | undefined)?.displayName ?? "The user";
      return answer(request, f, r, `${who} can sign in again.`);
    }
    default:
      return answer(request, f, undefined, "");
  }
}
