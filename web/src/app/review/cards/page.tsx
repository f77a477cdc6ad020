import Link from "next/link";
import { learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { CardManager, SrsSettingsForm } from "@/components/learning/CardManager";

export const metadata = { title: "Review cards", robots: { index: false } };

export default async function ReviewCards() {
  const token = await requireUser("/review/cards");
  const api = learningApi(token);
  const [cards, settings] = await Promise.all([
    api.GET("/api/v1/srs/cards", { params: { query: { limit: 500 } } }),
    api.GET("/api/v1/srs/settings"),
  ]);
  const failed = cards.error ?? settings.error;
  return (
    <>
      <h1>Review cards</h1>
      <p><Link href="/review">Back to the review session</Link></p>
      {failed && <p className="error" role="alert">{failed.detail ?? failed.title}</p>}
      <CardManager initial={cards.data ?? []} />
      {settings.data && <SrsSettingsForm initial={settings.data} />}
    </>
  );
}
