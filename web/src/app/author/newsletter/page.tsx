import Link from "next/link";
import { contentApi, notifyApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { currentUser, hasRole } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { deliverySummary, issueStatusLabel, issuesPageHref } from "@/lib/newsletter";
import { when } from "@/lib/when";
import { NewsletterComposer } from "@/components/author/NewsletterComposer";

export const metadata = { title: "Newsletter", robots: { index: false } };

const PAGE = 20;

export default async function Newsletter({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const token = await requireStaff(issuesPageHref(cursor));
  const admin = hasRole(await currentUser(), "admin");
  const [issues, posts] = await Promise.all([
    notifyApi(token).GET("/api/v1/newsletter/issues", { params: { query: { limit: PAGE, cursor: cursor || undefined } } }),
    admin ? contentApi(token).GET("/api/v1/admin/posts", { params: { query: { status: "PUBLISHED", limit: 50 } } }) : undefined,
  ]);
  const items = issues.data?.items ?? [];
  const failed = issues.data ? "" : await problemDetail(issues.response, "The past issues could not be loaded.");
  const next = issues.data?.nextCursor;
  return (
    <>
      <h1>Newsletter</h1>
      <p className="meta">An issue goes to every confirmed subscriber, in batches{admin ? "; the issue’s page shows each delivery" : ""}.
        {admin && <> <a href="#compose">Write a new issue</a></>}</p>

      <h2 id="past-issues">Past issues</h2>
      {failed && <p className="error" role="alert">{failed}</p>}
      {!failed && items.length === 0 && (
        <p className="empty" role="status">{cursor ? "No older issues." : "No issue has been sent yet."}{admin && !cursor ? " The first one you send appears here." : ""}</p>
      )}
      {items.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="past-issues">
            <thead><tr><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Sent (UTC)</th><th scope="col">Deliveries</th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-issue={i.id}>
                  <td>{admin && i.id ? <Link href={`/author/newsletter/${i.id}`}>{i.subject}</Link> : i.subject}</td>
                  <td>{issueStatusLabel(i)}</td>
                  <td>{when(i.sentAt)}</td>
                  <td>{deliverySummary(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursor || next) && (
        <nav aria-label="Past issues pages" className="actions">
          {cursor && <Link href={issuesPageHref(undefined)}>Newest issues</Link>}
          {next && <Link href={issuesPageHref(next)}>Older issues</Link>}
        </nav>
      )}

      <h2 id="compose">Send a new issue</h2>
      {admin
        ? <NewsletterComposer posts={(posts?.data?.items ?? []).map((p) => ({ id: p.id ?? "", title: p.title ?? "" }))} />
        : <p className="notice">Sending the newsletter needs the admin role.</p>}
    </>
  );
}
