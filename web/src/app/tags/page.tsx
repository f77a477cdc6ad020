import Link from "next/link";
import { contentApi } from "@/api/client";
import { tags } from "@/lib/posts";

export const revalidate = 60;
export const metadata = { title: "Tags", description: "Every topic, with how many posts it has." };

export default async function TagIndex() {
  const { data } = await contentApi(undefined, { tags: [tags.tagList], revalidate: 60 }).GET("/api/v1/tags");
  return (
    <>
      <h1>Tags</h1>
      <ul className="tags">{(data ?? []).map((t) => <li key={t.id}><Link href={`/tags/${t.slug}`}>#{t.name}</Link> ({t.publishedPosts})</li>)}</ul>
    </>
  );
}
