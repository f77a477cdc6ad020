import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";

export const metadata = { title: "Verify your email", robots: { index: false } };

// The emailed link lands here; verifying changes state, so it takes a POST (one click, works without JS).
export default async function Verify({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <h1>Verify your email</h1>
      <Flash error={sp.error} />
      {sp.token && (
        <form className="stack" action="/auth/verify" method="post">
          <input type="hidden" name="csrf" value={await csrfToken()} />
          <input type="hidden" name="token" value={sp.token} />
          <button className="primary" type="submit">Verify my email address</button>
        </form>
      )}
    </>
  );
}
