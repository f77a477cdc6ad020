import { redirect } from "next/navigation";
import { requireUser } from "./guardPage.ts";
import { currentUser, hasRole } from "./session.ts";

/** Admin pages (users, events, billing): admins only; others go home with a notice flag. */
export async function requireAdmin(returnTo: string): Promise<string> {
  const token = await requireUser(returnTo);
  if (!hasRole(await currentUser(), "admin")) redirect("/?forbidden=1");
  return token;
}

/** Moderation pages (comments, redirects): editors and admins, as the services allow. */
export async function requireEditor(returnTo: string): Promise<string> {
  const token = await requireUser(returnTo);
  if (!hasRole(await currentUser(), "admin", "editor")) redirect("/?forbidden=1");
  return token;
}

/** Whether the signed-in person is an admin (the index page shows admin-only sections to them). */
export async function isAdmin(): Promise<boolean> {
  return hasRole(await currentUser(), "admin");
}
