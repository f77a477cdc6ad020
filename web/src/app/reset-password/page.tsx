import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";

export const metadata = { title: "Choose a new password", robots: { index: false } };

export default async function Reset({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <h1>Choose a new password</h1>
      <Flash error={sp.error} />
      <form className="stack" action="/auth/reset" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <input type="hidden" name="token" value={sp.token ?? ""} />
        <label>New password <input name="newPassword" type="password" autoComplete="new-password" required minLength={12} /></label>
        <button className="primary" type="submit">Change password</button>
      </form>
    </>
  );
}
