import Link from "next/link";
import { contentApi } from "@/api/client";
import { tags as cacheTags, type PostSummary } from "@/lib/posts";
import { siteName } from "@/lib/config";

export const revalidate = 60;

export default async function Home() {
  const api = contentApi(undefined, { tags: [cacheTags.posts, cacheTags.series, cacheTags.tagList], revalidate: 60 });
  const [posts, series, tags] = await Promise.all([
    api.GET("/api/v1/posts", { params: { query: { limit: 20 } } }),
    api.GET("/api/v1/series"),
    api.GET("/api/v1/tags"),
  ]);
  const items = ((posts.data as { items?: PostSummary[] } | undefined)?.items ?? []);
  return (
    <>
      <h1>{siteName}: latest posts</h1>
      <ul className="cards">
        {items.map((p) => (
          <li key={p.id} className="card">
            <h2><Link href={`/posts/${p.slug}`}>{p.title}</Link></h2>
            <p className="meta">{p.authorName} · {p.readingMinutes} min read{p.premium ? " · Premium" : ""}</p>
            <p>{p.excerpt}</p>
          </li>
        ))}
        {items.length === 0 && <li>No posts yet.</li>}
      </ul>
      <h2>Series</h2>
      <ul>{(series.data ?? []).map((s) => <li key={s.id}><Link href={`/series/${s.slug}`}>{s.title}</Link> ({s.publishedPosts})</li>)}</ul>
      <h2>Tags</h2>
      <ul className="tags">{(tags.data ?? []).map((t) => <li key={t.id}><Link href={`/tags/${t.slug}`}>#{t.name}</Link></li>)}</ul>
    </>
  );
}
