import { notFound } from "next/navigation";
import { contentApi, type ContentSchemas } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { Editor } from "@/components/Editor";

export const metadata = { title: "Edit post", robots: { index: false } };

export default async function EditPost({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = await requireStaff(`/author/posts/${id}`);
  const api = contentApi(token);
  const [post, series] = await Promise.all([
    api.GET("/api/v1/admin/posts/{id}", { params: { path: { id } } }),
    api.GET("/api/v1/series"),
  ]);
  if (!post.data) notFound();
  return <Editor initial={post.data as ContentSchemas["PostDetails"]} seriesList={series.data ?? []} />;
}
