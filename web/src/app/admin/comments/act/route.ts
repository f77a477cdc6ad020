import type { NextRequest } from "next/server";
import { contentApi } from "@/api/client";
import { adminForm, answer, isResponse } from "@/lib/adminForms";

// Approve, reject or delete a comment from the moderation queue. (Post pages load their comments in the
// browser, so no cached page needs expiring.)
export async function POST(request: NextRequest) {
  const f = await adminForm(request, ["admin", "editor"]);
  if (isResponse(f)) return f;
  const api = contentApi(f.token);
  const path = { params: { path: { id: f.field("id") } } };
  switch (f.field("op")) {
    case "approve": {
      return answer(request, f, await api.POST("/api/v1/admin/comments/{id}/approve", path), "Comment approved: it is shown on its post.");
    }
    case "reject": {
      return answer(request, f, await api.POST("/api/v1/admin/comments/{id}/reject", path), "Comment rejected: it is no longer shown.");
    }
    case "delete": {
      return answer(request, f, await api.DELETE("/api/v1/admin/comments/{id}", path), "Comment deleted.");
    }
    default:
      return answer(request, f, undefined, "");
  }
}
