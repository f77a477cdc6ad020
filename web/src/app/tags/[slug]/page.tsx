import Link from "next/link";
import { notFound } from "next/navigation";
import { contentApi } from "@/api/client";
import { tags, type PostSummary } from "@/lib/posts";

export const revalidate = 60;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return { title: `#${slug}`, description: `Posts tagged ${slug}` };
}

export default async function TagPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const api = contentApi(undefined, { tags: [tags.tagList, tags.posts], revalidate: 60 });
  const [tag, posts] = await Promise.all([
    api.GET("/api/v1/tags/{slug}", { params: { path: { slug } } }),
    api.GET("/api/v1/posts", { params: { query: { tag: slug, limit: 50 } } }),
  ]);
  if (!tag.data) notFound();
  const items = (posts.data as { items?: PostSummary[] } | undefined)?.items ?? [];
  return (
    <>
      <h1>#{tag.data.name}</h1>
      {tag.data.description && <p>{tag.data.description}</p>}
      <ul className="cards">{items.map((p) => <li key={p.id} className="card"><h2><Link href={`/posts/${p.slug}`}>{p.title}</Link></h2><p>{p.excerpt}</p></li>)}</ul>
    </>
  );
}

export async function generateStaticParams() {
  return [];
}
