import { PostPage, postMetadata } from "@/lib/postPage";
import { accessToken } from "@/lib/session";

// A signed-in reader's view of a post (never cached: premium access depends on who reads).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return postMetadata(slug, await accessToken());
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <PostPage slug={slug} token={await accessToken()} />;
}
