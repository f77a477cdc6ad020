import type { NextRequest } from "next/server";
import { learningApi } from "@/api/client";
import { csrfField, csrfOk, forbidden, problemDetail, seeOther, tokenOf } from "@/lib/guard";
import { leaderboardsPath, optOutChoice } from "@/lib/leaderboards";

// The leaderboards page's hide/show form posts here (it works without JavaScript): CSRF-checked, the
// choice goes to learning-service, and the reader is sent back to the board they were on with the outcome.
export async function POST(request: NextRequest) {
  const form = await request.formData();
  if (!csrfOk(request, csrfField(form))) return forbidden();
  const board = form.get("board");
  const token = tokenOf(request);
  if (!token) return seeOther(request, `/signin?next=${encodeURIComponent(leaderboardsPath(board))}`);
  const optOut = optOutChoice(form.get("optOut"));
  if (optOut === null) return seeOther(request, leaderboardsPath(board, { error: "Choose whether to hide from the leaderboards or to be shown on them." }));
  const r = await learningApi(token).PUT("/api/v1/gamification/leaderboards/opt-out", { body: { optOut } });
  if (r.response.ok) {
    return seeOther(request, leaderboardsPath(board, { notice: optOut ? "You are hidden from the leaderboards." : "You are back on the leaderboards." }));
  }
  const detail = await problemDetail(r.response, `Learning answered ${r.response.status}; your choice was not saved.`, r.error);
  return seeOther(request, leaderboardsPath(board, { error: detail }));
}
