import Link from "next/link";
import { learningApi } from "@/api/client";
import { requireUser } from "@/lib/guardPage";
import { day } from "@/lib/when";
import { ClaimCertificate } from "@/components/learning/ClaimCertificate";

export const metadata = { title: "Certificates", robots: { index: false } };

export default async function Certificates() {
  const token = await requireUser("/certificates");
  const api = learningApi(token);
  const [mine, series] = await Promise.all([api.GET("/api/v1/certificates"), api.GET("/api/v1/progress/series")]);
  const certs = mine.data?.certificates ?? [];
  const held = new Set(certs.map((c) => `${c.seriesId}:${c.level}`));
  const failed = mine.error ?? series.error;
  return (
    <>
      <h1>Certificates</h1>
      {failed && <p className="error" role="alert">{failed.detail ?? failed.title}</p>}
      <section aria-labelledby="mine-h">
        <h2 id="mine-h">Yours</h2>
        {certs.length === 0 ? <p className="meta">No certificates yet: finish a series and pass its final quiz.</p> : (
          <ul className="cards">
            {certs.map((c) => (
              <li key={c.id} className="card">
                <h3>{c.seriesTitle}</h3>
                <p>{c.level === "RETAINED" ? "Retained" : "Completed"} · issued to {c.holderName} on {day(c.issuedAt)}{c.revokedAt && <strong className="error"> · revoked {day(c.revokedAt)}</strong>}</p>
                <p className="row">
                  <a className="button" href={`/bff/api/v1/certificates/${c.id}/pdf`} download={`lectern-certificate-${c.id}.pdf`}>Download PDF</a>
                  <Link className="button" href={`/certificates/verify/${c.id}`}>Public verification page</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="claim-h">
        <h2 id="claim-h">Claim one</h2>
        <p className="meta">A series’ Completed certificate needs every post read and its final quiz passed; Retained needs a later retention quiz passed.</p>
        {(series.data ?? []).length === 0 ? <p className="meta">You have not started a series yet.</p> : (
          <ul className="plain">
            {(series.data ?? []).map((s) => (
              <li key={s.seriesId}>
                <strong>{s.title}</strong> <span className="meta">{s.readPosts ?? 0}/{s.totalPosts ?? 0} read{s.completed ? " · completed" : ""}</span>{" "}
                {s.slug && <Link href={`/quizzes/series/${s.slug}`}>Final quiz</Link>}{" "}
                {s.seriesId && !held.has(`${s.seriesId}:COMPLETED`) && <ClaimCertificate seriesId={s.seriesId} title={s.title ?? ""} />}
                {s.seriesId && held.has(`${s.seriesId}:COMPLETED`) && !held.has(`${s.seriesId}:RETAINED`) && <ClaimCertificate seriesId={s.seriesId} title={s.title ?? ""} level="RETAINED" />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
