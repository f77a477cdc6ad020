import { NextResponse, type NextRequest } from "next/server";
import { csrfOk, forbidden, tokenOf } from "@/lib/guard";
import { readClaims } from "@/lib/jwt";
import { tags } from "@/lib/posts";
import { expireTags } from "@/lib/expire";

// After an author saves, publishes, schedules or deletes a post: expire the cached pages that show it
// (at once: a deleted post or a changed premium flag is never served again from the cache).
export async function POST(request: NextRequest) {
  if (!csrfOk(request, null)) return forbidden();
  const claims = readClaims(tokenOf(request));
  if (!claims || !claims.roles.some((r) => ["admin", "editor", "author"].includes(r.toLowerCase()))) {
    return NextResponse.json({ title: "Forbidden", status: 403 }, { status: 403 });
  }
  const body = (await request.json().catch(() => ({}))) as { slugs?: unknown };
  const slugs = Array.isArray(body.slugs) ? body.slugs.filter((s): s is string => typeof s === "string") : [];
  expireTags([tags.posts, tags.series, tags.tagList, ...slugs.map(tags.post)]);
  return NextResponse.json({ revalidated: slugs });
}
