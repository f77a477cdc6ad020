import Link from "next/link";
import { notFound } from "next/navigation";
import { contentApi, type ContentSchemas } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import { diffLines } from "@/lib/diff";
import { RestoreRevision } from "@/components/author/RestoreRevision";
import { DiffView } from "@/components/author/DiffView";

export const metadata = { title: "Revisions", robots: { index: false } };

type Revision = ContentSchemas["RevisionResponse"];

export default async function Revisions({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ compare?: string }> }) {
  const { id } = await params;
  const { compare } = await searchParams;
  const token = await requireStaff(`/author/posts/${id}/revisions`);
  const api = contentApi(token);
  const [post, revs] = await Promise.all([
    api.GET("/api/v1/admin/posts/{id}", { params: { path: { id } } }),
    api.GET("/api/v1/admin/posts/{id}/revisions", { params: { path: { id } } }),
  ]);
  if (!post.data) notFound();
  const current = post.data as ContentSchemas["PostDetails"];
  const list = (revs.data ?? []) as Revision[];
  // by default the revision before the newest (the newest is the current text)
  const wanted = compare && /^\d+$/.test(compare) ? Number(compare) : (list[1] ?? list[0])?.revision;
  let old: ContentSchemas["RevisionText"] | undefined;
  let error = revs.data ? "" : await problemDetail(revs.response, "The revisions could not be loaded.");
  if (wanted) {
    const r = await api.GET("/api/v1/admin/posts/{id}/revisions/{revision}", { params: { path: { id, revision: wanted } } });
    if (r.data) old = r.data;
    else error = await problemDetail(r.response, `Revision ${wanted} could not be loaded.`);
  }
  const diff = old ? diffLines(old.markdown ?? "", current.markdown ?? "") : undefined;

  return (
    <>
      <h1>Revisions of “{current.title}”</h1>
      <p className="meta">
        <Link href={`/author/posts/${id}`}>Back to the editor</Link>
        {current.status === "PUBLISHED" && current.slug ? <> · <Link href={`/posts/${current.slug}`}>View the post</Link></> : null}
        {" "}· {list.length} revision{list.length === 1 ? "" : "s"}, newest first
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="table-scroll">
        <table className="revisions">
          <caption className="sr-only">Saved revisions</caption>
          <thead><tr><th scope="col">Revision</th><th scope="col" className="wide-only">Title</th><th scope="col">Saved</th><th scope="col" className="wide-only">Length</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {list.map((r, i) => (
              <tr key={r.revision} aria-current={r.revision === wanted ? "true" : undefined} className={r.revision === wanted ? "selected" : undefined}>
                <td>#{r.revision}{i === 0 ? " (current)" : ""}</td>
                <td className="wide-only">{r.title}</td>
                <td><time dateTime={r.createdAt}>{r.createdAt?.slice(0, 16).replace("T", " ")} UTC</time></td>
                <td className="wide-only">{r.markdownChars} chars</td>
                <td><div className="actions">
                  {r.revision === wanted
                    ? <span className="meta">Compared below</span>
                    : i === 0 ? null : <Link href={`/author/posts/${id}/revisions?compare=${r.revision}`}>Compare #{r.revision} with current</Link>}
                  {i > 0 && r.revision != null && <RestoreRevision postId={id} revision={r.revision} slug={current.slug ?? ""} />}
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {old && diff && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">Revision #{old.revision} → current text</h2>
          {old.title !== current.title && <p>Title: <del>{old.title}</del> → <ins>{current.title}</ins></p>}
          <p className="meta" data-diff-summary>{diff.added + diff.removed === 0 ? "No differences in the Markdown." : `${diff.removed} line${diff.removed === 1 ? "" : "s"} removed, ${diff.added} added.`}{diff.minimal ? "" : " (The change is too large to align line by line: the changed part is shown removed, then added.)"}</p>
          {diff.added + diff.removed > 0 && <DiffView diff={diff} />}
        </section>
      )}
    </>
  );
}
