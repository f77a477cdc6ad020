import Link from "next/link";
import { notFound } from "next/navigation";
import { contentApi } from "@/api/client";
import { tags } from "@/lib/posts";
import { publicUrl } from "@/lib/config";

export const revalidate = 60;

async function load(slug: string) {
  const { data } = await contentApi(undefined, { tags: [tags.series, tags.posts], revalidate: 60 }).GET("/api/v1/series/{slug}", { params: { path: { slug } } });
  return data;
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const s = await load((await params).slug);
  if (!s) return { title: "Not found" };
  return { title: s.title, description: s.description, alternates: { canonical: `${publicUrl}/series/${s.slug}` } };
}

export default async function SeriesPage({ params }: { params: Promise<{ slug: string }> }) {
  const s = await load((await params).slug);
  if (!s) notFound();
  return (
    <>
      <h1>{s.title}</h1>
      <p>{s.description}</p>
      <ol className="cards">
        {(s.posts ?? []).map((p) => (
          <li key={p.id} className="card"><h2><Link href={`/posts/${p.slug}`}>{p.title}</Link></h2><p className="meta">Part {p.position} · {p.readingMinutes} min{p.premium ? " · Premium" : ""}</p><p>{p.excerpt}</p></li>
        ))}
      </ol>
    </>
  );
}

export async function generateStaticParams() {
  return [];
}
