import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { lookupPost } from "./posts.ts";
import { PostView, canonicalOf } from "@/components/PostView";

// Shared by the cached public page and the per-reader (signed-in) page.
export async function postMetadata(slug: string, token?: string): Promise<Metadata> {
  const r = await lookupPost(slug, token);
  if (r.kind !== "found") return { title: "Not found", robots: { index: false } };
  const p = r.post;
  const title = p.seo?.metaTitle ?? p.title ?? "";
  const description = p.seo?.metaDescription ?? p.excerpt ?? "";
  return {
    title,
    description,
    alternates: { canonical: canonicalOf(p) },
    openGraph: {
      type: "article",
      title,
      description,
      url: canonicalOf(p),
      publishedTime: p.publishedAt,
      modifiedTime: p.updatedAt,
      authors: p.authorName ? [p.authorName] : [],
      tags: (p.tags ?? []).map((t) => t.name ?? ""),
      ...(p.seo?.socialImageUrl ? { images: [p.seo.socialImageUrl] } : {}),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}

// An old slug (301) and a deleted post (410) are answered by the proxy before this renders; these 308
// and 404 are the fallback for the moment before it hears of a change (docs/adr/0101-post-address-status.md).
export async function PostPage({ slug, token }: { slug: string; token?: string }) {
  const r = await lookupPost(slug, token);
  if (r.kind === "moved") permanentRedirect(`/posts/${encodeURIComponent(r.slug)}`);
  if (r.kind !== "found") notFound();
  return <PostView post={r.post} />;
}
