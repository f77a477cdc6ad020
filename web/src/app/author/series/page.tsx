import Link from "next/link";
import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import { SeriesForm } from "@/components/author/SeriesForm";

export const metadata = { title: "Series", robots: { index: false } };

export default async function AuthorSeries() {
  const token = await requireStaff("/author/series");
  const { data, response } = await contentApi(token).GET("/api/v1/series");
  const error = data ? "" : await problemDetail(response, "The series could not be loaded.");
  return (
    <>
      <h1>Series</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">Series</th><th scope="col">Published posts</th><th scope="col">Public page</th></tr></thead>
          <tbody>
            {(data ?? []).map((s) => (
              <tr key={s.id}>
                <td><Link href={`/author/series/${s.slug}`}>{s.title}</Link></td>
                <td>{s.publishedPosts}</td>
                <td><Link href={`/series/${s.slug}`}>/series/{s.slug}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>New series</h2>
      <SeriesForm />
    </>
  );
}
