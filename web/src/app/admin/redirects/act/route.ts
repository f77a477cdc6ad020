import type { NextRequest } from "next/server";
import { contentApi, type ContentSchemas } from "@/api/client";
import { adminForm, answer, isResponse } from "@/lib/adminForms";
import { publicPath, redirectKind } from "@/lib/admin";
import { tags } from "@/lib/posts";
import { expireTags } from "@/lib/expire";

// Add or delete a redirect. The public pages of the old slug may be cached (as "not found", or as the
// redirect), and the proxy may remember the old slug's status: expire both so the change shows at once.
export async function POST(request: NextRequest) {
  const f = await adminForm(request, ["admin", "editor"]);
  if (isResponse(f)) return f;
  const api = contentApi(f.token);
  const kind = redirectKind(f.field("kind"));
  const from = f.field("fromSlug");
  const expire = () => {
    if (kind === "POST") expireTags([tags.post(from)]);
    if (kind === "SERIES") expireTags([tags.series]);
    if (kind === "TAG") expireTags([tags.tagList]);
  };
  switch (f.field("op")) {
    case "create": {
      if (!kind) return answer(request, f, undefined, "");
      const out = await api.POST("/api/v1/admin/redirects", { body: { kind, fromSlug: from, toSlug: f.field("toSlug") } });
      const r = out.data as ContentSchemas["RedirectResponse"] | undefined;
      if (out.response.ok) expire();
      return answer(request, f, out, `${publicPath(kind, r?.fromSlug ?? from)} now leads to ${publicPath(kind, r?.toSlug)}.`);
    }
    case "delete": {
      const out = await api.DELETE("/api/v1/admin/redirects/{id}", { params: { path: { id: f.field("id") } } });
      if (out.response.ok) expire();
      return answer(request, f, out, `The redirect from ${publicPath(kind, from)} is deleted.`);
    }
    default:
      return answer(request, f, undefined, "");
  }
}
