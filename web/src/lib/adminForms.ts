import { NextResponse, type NextRequest } from "next/server";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther, tokenOf } from "./guard.ts";
import { readClaims } from "./jwt.ts";
import { backTo } from "./admin.ts";

export interface AdminForm {
  form: FormData;
  token: string;
  /** The page (under /admin) to return to, from the form's `back` field. */
  back: string;
  field(name: string): string;
}

/**
 * The admin screens' forms post to route handlers (they work without JavaScript): CSRF-checked like
 * /bff, signed in, and of a role the service would accept anyway (the service checks again).
 */
export async function adminForm(request: NextRequest, roles: string[]): Promise<AdminForm | NextResponse> {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const back = String(form.get("back") ?? "/admin");
  const token = tokenOf(request);
  if (!token) return seeOther(request, `/signin?next=${encodeURIComponent(backTo(back, {}))}`);
  const claims = readClaims(token);
  if (!claims?.roles.some((r) => roles.includes(r.toLowerCase()))) return seeOther(request, "/?forbidden=1");
  return { form, token, back, field: (name) => String(form.get(name) ?? "").trim() };
}

/** What openapi-fetch answers: the response, and the parsed body of an error. */
export interface Outcome {
  response: Response;
  error?: unknown;
}

/** Back to the page with the service's answer: `notice` when it succeeded, its problem detail when not. */
export async function answer(request: NextRequest, f: AdminForm, outcome: Outcome | undefined, notice: string): Promise<NextResponse> {
  if (outcome?.response.ok) return seeOther(request, backTo(f.back, { notice }));
  const fallback = outcome ? `The service answered ${outcome.response.status}.` : "Unknown action.";
  return seeOther(request, backTo(f.back, { error: await problemDetail(outcome?.response, fallback, outcome?.error) }));
}

export function isResponse(x: AdminForm | NextResponse): x is NextResponse {
  return x instanceof NextResponse;
}
