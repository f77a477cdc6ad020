import { redirect } from "next/navigation";
import { accessToken, currentUser, hasRole } from "./session.ts";

/** A page for signed-in people: the token, or off to sign in (and back here afterwards). */
export async function requireUser(returnTo: string): Promise<string> {
  const token = await accessToken();
  if (!token) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return token;
}

/** Authoring pages: authors, editors and admins. */
export async function requireStaff(returnTo: string): Promise<string> {
  const token = await requireUser(returnTo);
  if (!hasRole(await currentUser(), "admin", "editor", "author")) redirect("/?forbidden=1");
  return token;
}
