"use client";
import { useEffect, useState } from "react";
import Link from "next/link";

interface Me { user: { sub: string; roles: string[]; name: string | null } | null; csrf: string }

// Public pages are cached for everyone, so who is signed in is asked for after load.
export function UserMenu() {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    fetch("/bff/session", { credentials: "same-origin", cache: "no-store" }).then((r) => r.json()).then(setMe, () => setMe(null));
  }, []);
  if (!me?.user) {
    return (
      <span>
        <Link href="/signin">Sign in</Link> · <Link href="/register">Register</Link>
      </span>
    );
  }
  const roles = me.user.roles.map((r) => r.toLowerCase());
  const staff = roles.some((r) => ["admin", "editor", "author"].includes(r));
  const moderator = roles.some((r) => ["admin", "editor"].includes(r));
  return (
    <span style={{ display: "flex", gap: 10, flexWrap: "wrap", alignItems: "center" }}>
      <Link href="/learn">My learning</Link>
      <Link href="/review">Review</Link>
      <Link href="/notifications">Notifications</Link>
      {staff && <Link href="/author">Write</Link>}
      {moderator && <Link href="/admin">Admin</Link>}
      <Link href="/account/settings">{me.user.name ?? "Account"}</Link>
      <form action="/auth/signout" method="post">
        <input type="hidden" name="csrf" value={me.csrf} />
        <button type="submit">Sign out</button>
      </form>
    </span>
  );
}
