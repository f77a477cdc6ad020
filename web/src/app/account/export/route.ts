import { NextResponse, type NextRequest } from "next/server";
import { serviceUrls, type Service } from "@/lib/config";
import { tokenOf } from "@/lib/guard";

export const dynamic = "force-dynamic";

// "Download my data": one file with what every service keeps about the signed-in person, each section
// fetched from its owner with the person's own token (a section that cannot be read says why).
const sections: ReadonlyArray<[string, Service, string]> = [
  ["account", "identity", "/api/v1/users/me/export"],
  ["learning", "learning", "/api/v1/progress/export"],
  ["notes", "learning", "/api/v1/notes/export"],
  ["aiThreads", "ai", "/api/v1/ai/threads"],
  ["subscription", "billing", "/api/v1/billing/subscription"],
  ["invoices", "billing", "/api/v1/billing/invoices"],
];

async function section(token: string, service: Service, path: string): Promise<unknown> {
  try {
    const res = await fetch(`${serviceUrls[service]}${path}`, { headers: { authorization: `Bearer ${token}`, accept: "application/json, text/markdown" }, cache: "no-store" });
    const type = res.headers.get("content-type") ?? "";
    const body = type.includes("json") ? await res.json() : await res.text();
    if (!res.ok) return { unavailable: (body as { detail?: string })?.detail ?? `${service} answered ${res.status}` };
    return body;
  } catch {
    return { unavailable: `${service} is unreachable right now` };
  }
}

export async function GET(request: NextRequest) {
  const token = tokenOf(request);
  if (!token) return NextResponse.redirect(new URL("/signin?next=/privacy", request.url), 303);
  const parts = await Promise.all(sections.map(([, service, path]) => section(token, service, path)));
  const out: Record<string, unknown> = { exportedAt: new Date().toISOString() };
  sections.forEach(([name], i) => { out[name] = parts[i]; });
  return new NextResponse(JSON.stringify(out, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="lectern-my-data.json"`,
      "cache-control": "no-store",
    },
  });
}
