import Link from "next/link";
import { contentApi } from "@/api/client";
import { isAdmin, requireEditor } from "@/lib/guardAdmin";

export const metadata = { title: "Administration", robots: { index: false } };

export default async function AdminIndex() {
  const token = await requireEditor("/admin");
  const admin = await isAdmin();
  const api = contentApi(token);
  const [pending, reported] = await Promise.all([
    api.GET("/api/v1/admin/comments", { params: { query: { status: "PENDING" } } }),
    api.GET("/api/v1/admin/comments", { params: { query: { reported: true } } }),
  ]);
  const count = (r: { data?: unknown[] }) => (Array.isArray(r.data) ? String(r.data.length) : "unknown");
  return (
    <>
      <h1>Administration</h1>
      <ul className="cards">
        <li className="card">
          <h2><Link href="/admin/comments">Comments</Link></h2>
          <p>The moderation queue: approve, reject or delete held and reported comments.</p>
          <p className="meta">{count(pending)} pending · {count(reported)} reported</p>
        </li>
        <li className="card">
          <h2><Link href="/admin/redirects">Redirects</Link></h2>
          <p>Old addresses of posts, series and tags that lead to their new ones.</p>
        </li>
        {admin && (
          <>
            <li className="card">
              <h2><Link href="/admin/users">Users</Link></h2>
              <p>Find people, change their roles, suspend or restore accounts.</p>
            </li>
            <li className="card">
              <h2><Link href="/admin/events">Events</Link></h2>
              <p>Dead letters of every service: inspect, replay or delete them; replay an outbox.</p>
            </li>
            <li className="card">
              <h2><Link href="/admin/billing">Billing</Link></h2>
              <p>Subscribers, and premium granted or revoked by hand.</p>
            </li>
          </>
        )}
      </ul>
    </>
  );
}
