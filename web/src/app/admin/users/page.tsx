import Link from "next/link";
import { identityApi, type IdentitySchemas } from "@/api/client";
import { requireAdmin } from "@/lib/guardAdmin";
import { csrfToken, currentUser } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { ROLES, intParam, pageWindow } from "@/lib/admin";
import { Flash } from "@/components/Flash";
import { AdminAction } from "@/components/AdminAction";

export const metadata = { title: "Users", robots: { index: false } };

type User = IdentitySchemas["AdminUserResponse"];
type SP = { q?: string; page?: string; notice?: string; error?: string };

const SIZE = 20;

export default async function Users({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const q = (sp.q ?? "").slice(0, 100);
  const page = intParam(sp.page, 0, 0, 10_000);
  const here = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(p ? { page: String(p) } : {}) })}`;
  const back = here(page);
  const token = await requireAdmin(back);
  const me = (await currentUser())?.sub;
  const { data, error, response } = await identityApi(token).GET("/api/v1/admin/users", { params: { query: { q, page, size: SIZE } } });
  const result = data as IdentitySchemas["UserPage"] | undefined;
  const failed = result ? undefined : await problemDetail(response, `Identity answered ${response.status}.`, error);
  const users = (result?.items ?? []) as User[];
  const total = Number(result?.total ?? 0);
  const w = pageWindow(page, SIZE, total);
  const csrf = await csrfToken();
  return (
    <>
      <h1>Users</h1>
      <p><Link href="/admin">Administration</Link></p>
      <form method="get" action="/admin/users" role="search" className="row">
        <label htmlFor="user-q">Search by name or email</label>
        <input id="user-q" name="q" type="search" defaultValue={q} maxLength={100} />
        <button type="submit">Search</button>
      </form>
      <Flash error={sp.error ?? failed} notice={sp.notice} />
      {result && <p role="status">{total === 0 ? "No user matches." : `Users ${w.from}–${w.to} of ${total}`}</p>}
      <ul className="cards">
        {users.map((u) => {
          if (!u.id) return null;
          const nameId = `user-${u.id}`;
          return (
            <li key={u.id} className="card user">
              <h2 id={nameId}>{u.displayName}</h2>
              <p className="meta">
                {u.email}{u.emailVerified ? " (verified)" : " (not verified)"} · {u.tier} · joined {u.createdAt?.slice(0, 10)}
                {" · "}<strong>{u.suspended ? "Suspended" : "Active"}</strong>
              </p>
              <form action="/admin/users/act" method="post" className="row">
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="back" value={back} />
                <input type="hidden" name="id" value={u.id} />
                <input type="hidden" name="op" value="roles" />
                <fieldset className="roles">
                  <legend>Roles of {u.displayName}</legend>
                  {ROLES.map((r) => (
                    <label key={r} className="check"><input type="checkbox" name="role" value={r} defaultChecked={(u.roles ?? []).includes(r)} /> {r}</label>
                  ))}
                </fieldset>
                <button type="submit" aria-describedby={nameId}>Save roles</button>
              </form>
              {u.id !== me && (
                <div className="actions">
                  {u.suspended
                    ? <AdminAction action="/admin/users/act" csrf={csrf} back={back} fields={{ id: u.id, op: "unsuspend" }} label="Unsuspend" describedBy={nameId} />
                    : <AdminAction action="/admin/users/act" csrf={csrf} back={back} fields={{ id: u.id, op: "suspend" }} label="Suspend" describedBy={nameId} />}
                  <Link className="button" href={`/admin/billing?userId=${u.id}`} aria-describedby={nameId}>Grant premium</Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {(w.prev !== null || w.next !== null) && (
        <nav aria-label="Pages" className="row">
          {w.prev !== null && <Link href={here(w.prev)}>Previous page</Link>}
          {w.next !== null && <Link href={here(w.next)}>Next page</Link>}
        </nav>
      )}
      <p className="meta">Suspending signs the person out everywhere and refuses their sign-in until unsuspended. Identity takes no reason for it.</p>
    </>
  );
}
