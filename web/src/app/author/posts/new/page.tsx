import { requireStaff } from "@/lib/guardPage";
import { Editor } from "@/components/Editor";

export const metadata = { title: "New post", robots: { index: false } };

export default async function NewPost() {
  await requireStaff("/author/posts/new");
  return <Editor />;
}
