import { NextResponse, type NextRequest } from "next/server";
import { timingSafeEqual } from "node:crypto";
import { expireAll, expireTags } from "@/lib/expire";

export const dynamic = "force-dynamic";

// Expires cached public pages now (never serves the stale copy again), and what the proxy remembers of
// the named posts' slugs: {"tags":["post:slug"]} or {"all":true}. Callers: ./lectern after start,
// operators, a content-event listener. Needs the X-Revalidate-Secret header
// (LECTERN_WEB_REVALIDATE_SECRET, set it wherever other machines reach the app); without a configured
// secret only a call addressed to a loopback host is accepted (./lectern binds the app to 127.0.0.1).
// The gateway never routes /internal/** (docs/runbooks/web.md).
function allowed(request: NextRequest): boolean {
  const secret = process.env.LECTERN_WEB_REVALIDATE_SECRET;
  const given = request.headers.get("x-revalidate-secret");
  if (secret) return !!given && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
  const host = request.headers.get("host") ?? "";
  return /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}

export async function POST(request: NextRequest) {
  if (!allowed(request)) return NextResponse.json({ title: "Forbidden", status: 403 }, { status: 403 });
  const body = (await request.json().catch(() => ({}))) as { tags?: unknown; all?: unknown };
  const list = Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === "string") : [];
  expireTags(list);
  if (body.all === true) expireAll();
  return NextResponse.json({ revalidated: list, all: body.all === true });
}
