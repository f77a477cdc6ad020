import { NextResponse, type NextRequest } from "next/server";
import { readClaims } from "@/lib/jwt";
import { tokenOf } from "@/lib/guard";
import { CSRF_REQUEST_HEADER } from "@/lib/csrf";
import { identityApi } from "@/api/client";

export const dynamic = "force-dynamic";

// Who is signed in (for the menu on cached pages). Never exposes a token.
export async function GET(request: NextRequest) {
  const token = tokenOf(request);
  const claims = readClaims(token);
  let name: string | null = null;
  if (claims && token) {
    const { data } = await identityApi(token).GET("/api/v1/users/me");
    const me = data as { displayName?: string } | undefined;
    name = me?.displayName ?? null;
  }
  return NextResponse.json(
    { user: claims ? { sub: claims.sub, roles: claims.roles, name } : null, csrf: request.headers.get(CSRF_REQUEST_HEADER) ?? "" },
    { headers: { "cache-control": "no-store" } },
  );
}
