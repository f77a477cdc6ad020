import Link from "next/link";
import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import type { PostSummary } from "@/lib/posts";

export const metadata = { title: "Your posts", robots: { index: false } };

export default async function AuthorPosts({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const token = await requireStaff("/author/posts");
  const status = (await searchParams).status;
  const { data } = await contentApi(token).GET("/api/v1/admin/posts", {
    params: { query: { limit: 50, ...(status ? { status: status as "DRAFT" } : {}) } },
  });
  const items = (data as { items?: PostSummary[] } | undefined)?.items ?? [];
  return (
    <>
      <h1>Posts</h1>
      <p><Link className="button primary" href="/author/posts/new">New post</Link></p>
      <form method="get" action="/author/posts">
        <label htmlFor="status">Status </label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">All</option><option>DRAFT</option><option>SCHEDULED</option><option>PUBLISHED</option>
        </select> <button type="submit">Filter</button>
      </form>
      <table>
        <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Published / scheduled</th></tr></thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}><td><Link href={`/author/posts/${p.id}`}>{p.title}</Link></td><td>{p.status}</td><td>{p.publishedAt ?? p.scheduledAt ?? ""}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
