import { identityApi, type IdentitySchemas } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { csrfToken } from "@/lib/session";
import { SessionList } from "@/components/SessionList";

export const metadata = { title: "Sessions", robots: { index: false } };

export default async function Sessions() {
  const token = await requireUser("/account/sessions");
  const { data } = await identityApi(token).GET("/api/v1/auth/sessions");
  return (
    <>
      <h1>Where you are signed in</h1>
      <SessionList initial={(data ?? []) as IdentitySchemas["SessionResponse"][]} />
      <form action="/auth/signout" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit">Sign out everywhere</button>
      </form>
    </>
  );
}
