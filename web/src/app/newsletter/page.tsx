import { csrfToken } from "@/lib/session";
import { Flash } from "@/components/Flash";

export const metadata = { title: "Newsletter", description: "New posts and series in your inbox." };

export default async function Newsletter({ searchParams }: { searchParams: Promise<{ sent?: string; error?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <h1>Newsletter</h1>
      <Flash error={sp.error} notice={sp.sent ? "Check your inbox to confirm the subscription." : undefined} />
      <form className="stack" action="/newsletter/subscribe" method="post">
        <input type="hidden" name="csrf" value={await csrfToken()} />
        <label>Email <input type="email" name="email" required autoComplete="email" /></label>
        <button className="primary" type="submit">Subscribe</button>
      </form>
    </>
  );
}
