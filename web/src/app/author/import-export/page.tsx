import { requireStaff } from "@/lib/guardPage";
import { currentUser, hasRole } from "@/lib/session";
import { ImportForm } from "@/components/author/ImportForm";

export const metadata = { title: "Import and export", robots: { index: false } };

export default async function ImportExport() {
  await requireStaff("/author/import-export");
  const admin = hasRole(await currentUser(), "admin");
  return (
    <>
      <h1>Import and export</h1>
      {!admin ? <p className="notice">Importing and exporting the whole site needs the admin role.</p> : (
        <>
          <section aria-labelledby="export-heading">
            <h2 id="export-heading">Export</h2>
            <p>One zip archive: every post as <code>posts/&lt;slug&gt;.md</code> (front matter and Markdown, which the Markdown import reads back) and <code>content.json</code> with the posts, series, tags and redirects.</p>
            <p><a className="button" href="/bff/api/v1/admin/export" download="lectern-export.zip">Download the export</a></p>
          </section>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">Import</h2>
            <ImportForm />
          </section>
        </>
      )}
    </>
  );
}
