"use client";

/** The CSRF token cookie (readable by design: double-submit) to echo in the x-csrf-token header. */
export function csrfHeader(): Record<string, string> {
  const m = document.cookie.match(/(?:^|;\s*)lectern_csrf=([^;]+)/);
  return m && m[1] ? { "x-csrf-token": decodeURIComponent(m[1]) } : {};
}

export async function bff(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== "GET") {
    // a page the gateway served from its copy set no cookie (ADR 0103): the session call does
    if (!Object.keys(csrfHeader()).length) await fetch("/bff/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    for (const [k, v] of Object.entries(csrfHeader())) headers.set(k, v);
  }
  if (init.body && typeof init.body === "string" && !headers.has("content-type")) headers.set("content-type", "application/json");
  return fetch(`/bff${path}`, { ...init, headers, credentials: "same-origin" });
}
