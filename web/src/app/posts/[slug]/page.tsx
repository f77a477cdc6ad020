import { PostPage, postMetadata } from "@/lib/postPage";
import { pageRevalidateSeconds } from "@/lib/config";

// Anonymous readers: rendered once, cached, revalidated by time and on demand (authoring actions).
// Signed-in readers are rewritten by the proxy to /personal/posts/[slug] (their premium decision).
export const revalidate = 60;
void pageRevalidateSeconds;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return postMetadata(slug);
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <PostPage slug={slug} />;
}
