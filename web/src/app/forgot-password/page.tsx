import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";

export const metadata = { title: "Forgot password" };

export default async function Forgot({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <h1>Forgot your password?</h1>
      <Flash notice={sp.sent ? "If an account uses this address, we have sent it a link to reset the password." : undefined} />
      <form className="stack" action="/auth/forgot" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <label>Email <input name="email" type="email" autoComplete="email" required /></label>
        <button className="primary" type="submit">Send reset link</button>
      </form>
    </>
  );
}
