import Link from "next/link";
import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";
import { googleSignInEnabled } from "@/lib/google";

export const metadata = { title: "Create an account" };

export default async function Register({ searchParams }: { searchParams: Promise<{ error?: string; email?: string; displayName?: string; done?: string }> }) {
  const sp = await searchParams;
  if (sp.done) {
    return (<><h1>Check your inbox</h1><p role="status">We sent a verification link to {sp.done}. Open it to activate your account, then <Link href="/signin">sign in</Link>.</p></>);
  }
  return (
    <>
      <h1>Create an account</h1>
      <Flash error={sp.error} />
      <form className="stack" action="/auth/register" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <label>Name <input name="displayName" autoComplete="name" required maxLength={100} defaultValue={sp.displayName} /></label>
        <label>Email <input name="email" type="email" autoComplete="email" required defaultValue={sp.email} /></label>
        <label>Password (at least 12 characters) <input name="password" type="password" autoComplete="new-password" required minLength={12} /></label>
        <button className="primary" type="submit">Create account</button>
      </form>
      {googleSignInEnabled() && <p><a className="button" href="/auth/google">Sign up with Google</a></p>}
    </>
  );
}
