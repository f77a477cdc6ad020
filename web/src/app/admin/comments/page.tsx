import Link from "next/link";
import { contentApi, type ContentSchemas } from "@/api/client";
import { requireEditor } from "@/lib/guardAdmin";
import { csrfToken } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { commentView, commentViews, type CommentView } from "@/lib/admin";
import { reasonLabel, reportedTimes } from "@/lib/reports";
import { Flash } from "@/components/Flash";
import { AdminAction } from "@/components/AdminAction";

export const metadata = { title: "Comment moderation", robots: { index: false } };

type Item = ContentSchemas["ModerationItem"];
type SP = { view?: string; notice?: string; error?: string };

export default async function ModerationQueue({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const view = commentView(sp.view);
  const back = `/admin/comments?view=${view}`;
  const token = await requireEditor(back);
  const { data, error, response } = await contentApi(token).GET("/api/v1/admin/comments", { params: { query: commentViews[view].query } });
  const items = (data ?? []) as Item[];
  const failed = data ? undefined : await problemDetail(response, `Content answered ${response.status}.`, error);
  const csrf = await csrfToken();
  return (
    <>
      <h1>Comments</h1>
      <p><Link href="/admin">Administration</Link></p>
      <nav aria-label="Moderation queues" className="tabs">
        {(Object.keys(commentViews) as CommentView[]).map((v) => (
          <Link key={v} href={`/admin/comments?view=${v}`} aria-current={v === view ? "page" : undefined}>{commentViews[v].label}</Link>
        ))}
      </nav>
      <Flash error={sp.error ?? failed} notice={sp.notice} />
      <h2>{commentViews[view].label}: {items.length} {items.length === 1 ? "comment" : "comments"}</h2>
      {items.length === 0 && !failed && <p>Nothing here: the queue is empty.</p>}
      <ul className="cards">
        {items.map(({ comment: c, postSlug, reports, reasons }) => {
          if (!c?.id) return null;
          const bodyId = `body-${c.id}`;
          return (
            <li key={c.id} className="card moderation">
              <p className="meta">
                {c.authorName} · {c.createdAt?.slice(0, 16).replace("T", " ")} · on <Link href={`/posts/${postSlug}`}>{postSlug}</Link> · {c.status}
                {c.parentId && " · a reply"}
              </p>
              <p id={bodyId} className="comment-body">{c.body}</p>
              {(reports ?? 0) > 0 && (
                <div className="reports">
                  <p><strong>{reportedTimes(reports ?? 0)}</strong> by readers:</p>
                  <ul className="report-reasons">
                    {(reasons ?? []).map((r) => (
                      <li key={r.reason} data-reason={r.reason}>
                        <strong>{reasonLabel(r.reason)}</strong> × {r.count ?? 0}
                        {(r.notes ?? []).length > 0 && (
                          <ul className="report-notes" aria-label={`Readers’ notes: ${reasonLabel(r.reason)}`}>
                            {(r.notes ?? []).map((n, i) => <li key={i}><q>{n}</q></li>)}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="actions">
                {c.status !== "APPROVED" && <AdminAction action="/admin/comments/act" csrf={csrf} back={back} fields={{ id: c.id, op: "approve" }} label="Approve" primary describedBy={bodyId} />}
                {c.status !== "REJECTED" && <AdminAction action="/admin/comments/act" csrf={csrf} back={back} fields={{ id: c.id, op: "reject" }} label="Reject" describedBy={bodyId} />}
                <AdminAction action="/admin/comments/act" csrf={csrf} back={back} fields={{ id: c.id, op: "delete" }} label="Delete" describedBy={bodyId} />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
