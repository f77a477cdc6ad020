import type { Metadata } from "next";
import Link from "next/link";

// What a deleted post's address shows. The proxy serves this page's HTML with status 410 at the post's
// address (a page cannot choose that status); it is static, so it is rendered once. /internal/** is never
// routed by the gateway, so nobody reaches it under its own address.
export const dynamic = "force-static";

export const metadata: Metadata = { title: "Post removed", robots: { index: false, follow: true } };

export default function RemovedPost() {
  return (
    <section aria-labelledby="removed-title">
      <h1 id="removed-title">This post was removed</h1>
      <p>The post that was at this address has been deleted and will not come back.</p>
      <p>
        <Link href="/">Read the latest posts</Link> or <Link href="/search">search for another one</Link>.
      </p>
    </section>
  );
}
