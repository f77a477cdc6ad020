import Link from "next/link";
import "./author.css";

const tools: [string, string][] = [
  ["/author/posts", "Posts"],
  ["/author/series", "Series"],
  ["/author/tags", "Tags"],
  ["/author/analytics", "Analytics"],
  ["/author/newsletter", "Newsletter"],
  ["/author/import-export", "Import & export"],
];

// Every author page: the tools' own navigation above the page (each page checks the role itself).
export default function AuthorLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <nav className="author-nav" aria-label="Author tools">
        {tools.map(([href, label]) => <Link key={href} href={href}>{label}</Link>)}
      </nav>
      {children}
    </>
  );
}
