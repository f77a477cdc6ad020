import { NextResponse, type NextRequest } from "next/server";
import { serviceUrls } from "@/lib/config";
import { ownerOf } from "@/lib/routing";
import { csrfOk, forbidden, tokenOf } from "@/lib/guard";

export const dynamic = "force-dynamic";

// The browser's way to the API: /bff/api/v1/... goes to the owning service with the session's access
// token from the httpOnly cookie (script never holds one). Non-GET requests need the CSRF token.
// Streams both ways, so uploads and the notification stream (EventSource cannot set Authorization) work.
const passRequest = ["content-type", "accept", "last-event-id", "accept-language", "user-agent"];
const passResponse = ["content-type", "content-disposition", "cache-control", "location", "retry-after", "x-ratelimit-remaining", "etag"];

async function forward(request: NextRequest, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  const target = "/" + path.map(encodeURIComponent).join("/");
  const service = ownerOf(target);
  if (!service) return NextResponse.json({ title: "Not Found", status: 404, detail: `No API at ${target}` }, { status: 404 });
  const method = request.method;
  if (method !== "GET" && method !== "HEAD" && !csrfOk(request, null)) return forbidden();
  const headers = new Headers();
  for (const h of passRequest) { const v = request.headers.get(h); if (v) headers.set(h, v); }
  const token = tokenOf(request);
  if (token) headers.set("authorization", `Bearer ${token}`);
  const fwd = request.headers.get("x-forwarded-for");
  if (fwd) headers.set("x-forwarded-for", fwd);
  const url = `${serviceUrls[service]}${target}${request.nextUrl.search}`;
  const init: RequestInit & { duplex?: "half" } = { method, headers, redirect: "manual", cache: "no-store", signal: request.signal };
  if (method !== "GET" && method !== "HEAD") { init.body = request.body; init.duplex = "half"; }
  let upstream: Response;
  try {
    upstream = await fetch(url, init);
  } catch {
    return NextResponse.json({ title: "Bad Gateway", status: 502, detail: `${service} is unreachable` }, { status: 502 });
  }
  const out = new Headers();
  for (const h of passResponse) { const v = upstream.headers.get(h); if (v) out.set(h, v); }
  if ((upstream.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    out.set("cache-control", "no-cache, no-transform");
    out.set("x-accel-buffering", "no");
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE };
