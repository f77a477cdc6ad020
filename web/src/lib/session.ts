import { cookies, headers } from "next/headers";
import { ACCESS_COOKIE, ACCESS_HEADER } from "./cookies.ts";
import { CSRF_COOKIE, CSRF_REQUEST_HEADER } from "./csrf.ts";
import { readClaims, type Claims } from "./jwt.ts";

/** The signed-in reader's access token for this render (refreshed by the proxy when needed). */
export async function accessToken(): Promise<string | undefined> {
  const h = await headers();
  return h.get(ACCESS_HEADER) ?? undefined;
}

export async function currentUser(): Promise<Claims | null> {
  return readClaims(await accessToken());
}

export async function csrfToken(): Promise<string> {
  const h = await headers();
  return h.get(CSRF_REQUEST_HEADER) ?? (await cookies()).get(CSRF_COOKIE)?.value ?? "";
}

export function hasRole(user: Claims | null, ...roles: string[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r.toLowerCase()));
}

// re-exported so pages need one import
export { ACCESS_COOKIE };
