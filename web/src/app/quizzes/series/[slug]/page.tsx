import Link from "next/link";
import { notFound } from "next/navigation";
import { contentApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { QuizRunner } from "@/components/learning/QuizRunner";
import { QuizBoard } from "@/components/learning/QuizBoard";

export const metadata = { title: "Series quiz", robots: { index: false } };

export default async function SeriesQuiz({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const token = await requireUser(`/quizzes/series/${slug}`);
  const { data: series } = await contentApi(token).GET("/api/v1/series/{slug}", { params: { path: { slug } } });
  if (!series?.id) notFound();
  return (
    <>
      <h1>Final quiz: {series.title}</h1>
      <p className="meta">Questions from every post of <Link href={`/series/${series.slug}`}>{series.title}</Link>. Passing it, with every post read, lets you <Link href="/certificates">claim the certificate</Link>.</p>
      <QuizRunner seriesId={series.id} />
      <QuizBoard token={token} seriesId={series.id} />
    </>
  );
}
