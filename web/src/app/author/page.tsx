import Link from "next/link";
import { requireStaff } from "@/lib/guardPage";

export const metadata = { title: "Author tools", robots: { index: false } };

const tools: [string, string, string][] = [
  ["/author/posts", "Posts", "Write, filter, schedule and publish posts; compare and restore revisions."],
  ["/author/posts/new", "New post", "The editor with a live preview from the server’s renderer."],
  ["/author/series", "Series", "Create series and put their posts in reading order."],
  ["/author/tags", "Tags", "Rename tags or merge one into another."],
  ["/author/analytics", "Analytics", "Views per day, top posts, referrers and reactions."],
  ["/author/newsletter", "Newsletter", "Send an issue to the confirmed subscribers."],
  ["/author/import-export", "Import & export", "Bring posts in from Markdown or Ghost; download everything."],
];

export default async function AuthorHome() {
  await requireStaff("/author");
  return (
    <>
      <h1>Author tools</h1>
      <ul className="author-hub">
        {tools.map(([href, title, text]) => (
          <li key={href} className="card"><h2><Link href={href}>{title}</Link></h2><p className="meta">{text}</p></li>
        ))}
      </ul>
    </>
  );
}
