"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { LearningSchemas } from "@/api/client";
import { call, messageOf } from "./api";

type Certificate = LearningSchemas["CertificateResponse"];

export function ClaimCertificate({ seriesId, title, level }: { seriesId: string; title: string; level?: "COMPLETED" | "RETAINED" }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [msg, setMsg] = useState("");
  async function claim() {
    setError(""); setMsg("");
    try {
      const c = await call<Certificate>("/api/v1/certificates", { method: "POST", body: JSON.stringify({ seriesId, level }) });
      setMsg(`Certificate issued to ${c.holderName ?? "you"}.`);
      router.refresh();
    } catch (e) { setError(messageOf(e)); }
  }
  return (
    <>
      <button type="button" onClick={claim} aria-label={`Claim the ${level === "RETAINED" ? "Retained" : "Completed"} certificate for ${title}`}>
        Claim {level === "RETAINED" ? "Retained" : "Completed"} certificate
      </button>
      {msg && <span role="status"> {msg}</span>}
      {error && <span role="alert" className="error"> {error}</span>}
    </>
  );
}
