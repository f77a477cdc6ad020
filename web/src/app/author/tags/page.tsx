import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import { currentUser, hasRole } from "@/lib/session";
import { TagManager } from "@/components/author/TagManager";

export const metadata = { title: "Tags", robots: { index: false } };

export default async function AuthorTags() {
  const token = await requireStaff("/author/tags");
  const editor = hasRole(await currentUser(), "editor", "admin");
  const { data, response } = await contentApi(token).GET("/api/v1/tags");
  const error = data ? "" : await problemDetail(response, "The tags could not be loaded.");
  return (
    <>
      <h1>Tags</h1>
      {!editor && <p className="notice">Renaming and merging tags changes everyone’s posts, so it needs the editor or admin role.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <TagManager tags={data ?? []} canEdit={editor} />
    </>
  );
}
