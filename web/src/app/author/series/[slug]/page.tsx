import Link from "next/link";
import { notFound } from "next/navigation";
import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import type { PostSummary } from "@/lib/posts";
import { SeriesForm } from "@/components/author/SeriesForm";
import { SeriesOrder } from "@/components/author/SeriesOrder";

export const metadata = { title: "Edit series", robots: { index: false } };

export default async function EditSeries({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const token = await requireStaff(`/author/series/${slug}`);
  const api = contentApi(token);
  const [series, members, recent] = await Promise.all([
    api.GET("/api/v1/series/{slug}", { params: { path: { slug } } }),
    api.GET("/api/v1/admin/posts", { params: { query: { series: slug, limit: 50 } } }),
    api.GET("/api/v1/admin/posts", { params: { query: { limit: 50 } } }),
  ]);
  if (!series.data) notFound();
  const s = series.data;
  const error = members.data ? "" : await problemDetail(members.response, "The series' posts could not be loaded.");
  const inSeries = ((members.data?.items ?? []) as PostSummary[])
    .slice()
    .sort((a, b) => (a.seriesPosition ?? Number.MAX_SAFE_INTEGER) - (b.seriesPosition ?? Number.MAX_SAFE_INTEGER));
  const candidates = ((recent.data?.items ?? []) as PostSummary[]).filter((p) => !p.seriesSlug);
  return (
    <>
      <h1>Series: {s.title}</h1>
      <p className="meta"><Link href="/author/series">All series</Link> · <Link href={`/series/${s.slug}`}>Public page</Link></p>
      {error && <p className="error" role="alert">{error}</p>}
      <h2>Posts in reading order</h2>
      <SeriesOrder seriesId={s.id ?? ""} seriesSlug={s.slug ?? slug} posts={inSeries} candidates={candidates} />
      <h2>Details</h2>
      <SeriesForm series={{ id: s.id ?? "", title: s.title ?? "", slug: s.slug ?? "", description: s.description ?? "" }} />
    </>
  );
}
