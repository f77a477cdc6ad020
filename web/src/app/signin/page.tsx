import Link from "next/link";
import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";
import { googleSignInEnabled } from "@/lib/google";

export const metadata = { title: "Sign in" };

type SP = { error?: string; email?: string; next?: string; verified?: string; reset?: string };

export default async function SignIn({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const notice = sp.verified ? "Your email address is verified: sign in." : sp.reset ? "Your password was changed: sign in." : undefined;
  return (
    <>
      <h1>Sign in</h1>
      <Flash error={sp.error} notice={notice} />
      <form className="stack" action="/auth/signin" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <input type="hidden" name="next" value={sp.next ?? "/"} />
        <label>Email <input name="email" type="email" autoComplete="email" required defaultValue={sp.email} /></label>
        <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
        <button className="primary" type="submit">Sign in</button>
      </form>
      {googleSignInEnabled() && <p><a className="button" href="/auth/google">Sign in with Google</a></p>}
      <p><Link href="/forgot-password">Forgot your password?</Link> · <Link href="/register">Create an account</Link></p>
    </>
  );
}
