import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { currentUser, hasRole } from "@/lib/session";
import { NewsletterComposer } from "@/components/author/NewsletterComposer";

export const metadata = { title: "Send a newsletter", robots: { index: false } };

export default async function NewsletterCompose() {
  const token = await requireStaff("/author/newsletter");
  const admin = hasRole(await currentUser(), "admin");
  const { data } = await contentApi(token).GET("/api/v1/admin/posts", { params: { query: { status: "PUBLISHED", limit: 50 } } });
  return (
    <>
      <h1>Send a newsletter issue</h1>
      <p className="meta">An issue goes to every confirmed subscriber, in batches; the issue’s page shows each delivery.</p>
      {admin
        ? <NewsletterComposer posts={(data?.items ?? []).map((p) => ({ id: p.id ?? "", title: p.title ?? "" }))} />
        : <p className="notice">Sending the newsletter needs the admin role.</p>}
    </>
  );
}
