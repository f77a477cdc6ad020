import Link from "next/link";
import { notFound } from "next/navigation";
import { learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { InterviewSession } from "@/components/learning/Interview";

export const metadata = { title: "Mock interview", robots: { index: false } };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = await requireUser(`/interviews/${id}`);
  if (!uuid.test(id)) notFound();
  const { data, error } = await learningApi(token).GET("/api/v1/interviews/{id}", { params: { path: { id } } });
  if (!data) {
    if (error?.status === 404) notFound();
    return <p className="error" role="alert">{error?.detail ?? "The interview could not be loaded."}</p>;
  }
  return (
    <>
      <h1>Mock interview{data.tag ? `: #${data.tag}` : ""}</h1>
      <p><Link href="/interviews">All interviews</Link></p>
      <InterviewSession initial={data} />
    </>
  );
}
