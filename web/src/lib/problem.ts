// RFC 9457 problems as text for people. openapi-fetch has already read an error response's body (it
// returns it parsed as `error`), so callers pass that: the Response's own body is spent by then.
export function problemText(parsed: unknown, fallback: string): string {
  if (typeof parsed === "string") return parsed.trim() && !parsed.trimStart().startsWith("<") ? parsed.trim().slice(0, 500) : fallback;
  if (!parsed || typeof parsed !== "object") return fallback;
  const p = parsed as { detail?: unknown; title?: unknown; errors?: unknown };
  const main = typeof p.detail === "string" && p.detail ? p.detail : typeof p.title === "string" && p.title ? p.title : fallback;
  const fields = Array.isArray(p.errors)
    ? p.errors.map((e: { field?: unknown; message?: unknown }) => `${String(e?.field ?? "")}: ${String(e?.message ?? "")}`).join("; ")
    : "";
  return [main, fields].filter(Boolean).join(" ");
}
