import { accessToken } from "@/lib/session";
import { DeleteAccount } from "@/components/DeleteAccount";

export const metadata = { title: "Privacy and your data" };

export default async function Privacy() {
  const signedIn = !!(await accessToken());
  return (
    <>
      <h1>Privacy and your data</h1>
      <p>We keep your account, your comments and reactions, your reading progress, notes, reviews and quiz results,
        your questions to the AI, your subscription and your settings. Tokens live only in httpOnly cookies; we set no
        tracking cookies.</p>
      {signedIn ? (
        <>
          <h2>Download your data</h2>
          <p>One JSON file: your account, learning (progress, XP, badges, reviews, quizzes, certificates), notes, AI
            conversations, subscription and invoices.</p>
          <p><a className="button" href="/account/export" download="lectern-my-data.json">Download my data (JSON)</a></p>
          <h2>Delete your account</h2>
          <DeleteAccount />
        </>
      ) : (
        <p><a href="/signin?next=/privacy">Sign in</a> to download or delete your data.</p>
      )}
    </>
  );
}
