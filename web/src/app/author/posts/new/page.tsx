import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { Editor } from "@/components/Editor";

export const metadata = { title: "New post", robots: { index: false } };

export default async function NewPost() {
  const token = await requireStaff("/author/posts/new");
  const { data: series } = await contentApi(token).GET("/api/v1/series");
  return <Editor seriesList={series ?? []} />;
}
