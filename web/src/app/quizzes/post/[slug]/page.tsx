import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/guardPage";
import { lookupPost } from "@/lib/posts";
import { QuizRunner } from "@/components/learning/QuizRunner";
import { QuizBoard } from "@/components/learning/QuizBoard";

export const metadata = { title: "Quiz", robots: { index: false } };

export default async function PostQuiz({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const token = await requireUser(`/quizzes/post/${slug}`);
  const r = await lookupPost(slug, token);
  if (r.kind !== "found" || !r.post.id) notFound();
  const post = r.post;
  return (
    <>
      <h1>Quiz: {post.title}</h1>
      <p className="meta">On the post <Link href={`/posts/${post.slug}`}>{post.title}</Link>. Every start is a fresh attempt; your best score counts.</p>
      {post.bodyIncluded ? <QuizRunner postId={post.id} /> : <p className="notice">This quiz is on a premium post: <Link href="/pricing">see the plans</Link>.</p>}
      <QuizBoard token={token} postId={post.id} />
    </>
  );
}
