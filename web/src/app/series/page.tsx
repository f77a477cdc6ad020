import Link from "next/link";
import { contentApi } from "@/api/client";
import { tags } from "@/lib/posts";

export const revalidate = 60;
export const metadata = { title: "Series", description: "Posts that build on each other, in order." };

export default async function SeriesIndex() {
  const { data } = await contentApi(undefined, { tags: [tags.series], revalidate: 60 }).GET("/api/v1/series");
  return (
    <>
      <h1>Series</h1>
      <ul className="cards">
        {(data ?? []).map((s) => (
          <li key={s.id} className="card"><h2><Link href={`/series/${s.slug}`}>{s.title}</Link></h2><p>{s.description}</p><p className="meta">{s.publishedPosts} posts</p></li>
        ))}
      </ul>
    </>
  );
}
