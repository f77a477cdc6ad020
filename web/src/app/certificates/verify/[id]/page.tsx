import type { Metadata } from "next";
import { learningApi } from "@/api/client";
import { day } from "@/lib/when";

// Public: anyone holding a certificate's link or QR code checks it here, without an account.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Verify a certificate", robots: { index: false } };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const headline: Record<string, string> = {
  VALID: "Valid certificate",
  REVOKED: "This certificate was revoked",
  UNKNOWN: "No such certificate",
  INVALID: "This certificate is not valid",
};

export default async function Verify({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const res = uuid.test(id) ? await learningApi().GET("/api/v1/certificates/verify/{id}", { params: { path: { id } } }) : null;
  const v = res?.data;
  const status = v?.status ?? "UNKNOWN";
  return (
    <>
      <h1>Certificate verification</h1>
      {res?.error ? (
        <p className="error" role="alert">{res.error.detail ?? res.error.title}</p>
      ) : (
        <section className={`card verify ${status.toLowerCase()}`} aria-labelledby="verdict" data-status={status}>
          <h2 id="verdict">{status === "VALID" ? "✓ " : "✗ "}{headline[status] ?? status}</h2>
          {v && status !== "UNKNOWN" ? (
            <dl>
              <dt>Holder</dt><dd>{v.holderName}</dd>
              <dt>Series</dt><dd>{v.seriesTitle}</dd>
              <dt>Level</dt><dd>{v.level === "RETAINED" ? "Retained" : "Completed"}</dd>
              <dt>Issued</dt><dd>{day(v.issuedAt)}</dd>
              {v.revokedAt && <><dt>Revoked</dt><dd>{day(v.revokedAt)}{v.revocationReason ? `: ${v.revocationReason}` : ""}</dd></>}
              {v.issuer && <><dt>Issuer</dt><dd>{v.issuer}</dd></>}
              <dt>Certificate id</dt><dd><code>{v.certificateId ?? id}</code></dd>
            </dl>
          ) : (
            <p>No certificate with the id <code>{id}</code> was issued here. Check the link or the code you were given.</p>
          )}
          {v?.reason && status !== "VALID" && status !== "UNKNOWN" && <p className="meta">{v.reason}</p>}
        </section>
      )}
    </>
  );
}
