import Link from "next/link";
import type { Post } from "@/lib/posts";
import { publicUrl, siteName } from "@/lib/config";
import { Reactions } from "./Reactions";
import { Comments } from "./Comments";
import { PostLearning } from "./learning/PostLearning";
import { AskPanel } from "./ai/AskPanel";

export function canonicalOf(post: Post): string {
  return post.seo?.canonicalUrl ?? `${publicUrl}/posts/${post.slug}`;
}

// The post as the server renders it: readable with JavaScript off; reactions and comments enhance.
export function PostView({ post }: { post: Post }) {
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: post.title,
    description: post.seo?.metaDescription ?? post.excerpt,
    datePublished: post.publishedAt,
    dateModified: post.updatedAt,
    author: { "@type": "Person", name: post.authorName },
    publisher: { "@type": "Organization", name: siteName },
    mainEntityOfPage: canonicalOf(post),
    isAccessibleForFree: !post.premium,
    ...(post.seo?.socialImageUrl ? { image: post.seo.socialImageUrl } : {}),
  };
  const s = post.series;
  return (
    <article className="post">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <h1>{post.title}</h1>
      <p className="meta">
        By {post.authorName} · {post.readingMinutes} min read
        {post.publishedAt && <> · <time dateTime={post.publishedAt}>{new Date(post.publishedAt).toISOString().slice(0, 10)}</time></>}
        {post.premium && <> · <strong>Premium</strong></>}
      </p>
      {s && <p className="meta">Part {s.position} of <Link href={`/series/${s.slug}`}>{s.title}</Link></p>}
      <ul className="tags" aria-label="Tags">
        {(post.tags ?? []).map((t) => <li key={t.slug}><Link href={`/tags/${t.slug}`}>#{t.name}</Link></li>)}
      </ul>
      {post.bodyIncluded && post.html ? (
        <div className="body" dangerouslySetInnerHTML={{ __html: post.html }} />
      ) : (
        <>
          <p>{post.excerpt}</p>
          <section className="gate" aria-label="Premium post">
            <h2>This post is for premium members</h2>
            <p>Subscribe to read the rest, and every other premium post and series.</p>
            <p><Link className="button primary" href="/pricing">See the plans</Link> <Link href={`/signin?next=/posts/${post.slug}`}>Already a member? Sign in</Link></p>
          </section>
        </>
      )}
      {s && (
        <nav className="series-nav" aria-label="Series">
          {s.previous ? <Link href={`/posts/${s.previous.slug}`} rel="prev">← {s.previous.title}</Link> : <span />}
          {s.next ? <Link href={`/posts/${s.next.slug}`} rel="next">{s.next.title} →</Link> : <span />}
        </nav>
      )}
      <p className="meta">Share: <a href={`https://twitter.com/intent/tweet?url=${encodeURIComponent(canonicalOf(post))}`}>X</a> · <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(canonicalOf(post))}`}>LinkedIn</a></p>
      {post.id && <PostLearning postId={post.id} slug={post.slug ?? ""} tracking={Boolean(post.bodyIncluded)} />}
      <AskPanel postId={post.id} postTitle={post.title} />
      <Reactions slug={post.slug ?? ""} />
      <Comments slug={post.slug ?? ""} />
    </article>
  );
}
