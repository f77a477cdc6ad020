// Whether the reader is on the XP leaderboards, and the one action that changes it: a plain form posting
// to /leaderboards/opt-out (works without JavaScript), the CSRF token in a hidden field.
export function OptOut({ optedOut, csrf, board }: { optedOut: boolean; csrf: string; board: string }) {
  return (
    <>
      <p data-testid="opt-out-state">
        {optedOut
          ? "You are hidden from the leaderboards: nobody sees your name or XP there, and you still earn XP."
          : "You are shown on the leaderboards with your display name and XP."}
      </p>
      <form action="/leaderboards/opt-out" method="post">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="board" value={board} />
        <input type="hidden" name="optOut" value={optedOut ? "false" : "true"} />
        <button type="submit">{optedOut ? "Show me on leaderboards" : "Hide me from leaderboards"}</button>
      </form>
    </>
  );
}
