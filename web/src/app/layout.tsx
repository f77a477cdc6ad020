import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";
import { publicUrl, siteName } from "@/lib/config";
import { UserMenu } from "@/components/UserMenu";
import { ThemeToggle } from "@/components/ThemeToggle";
import { CommandPalette } from "@/components/CommandPalette";

export const metadata: Metadata = {
  metadataBase: new URL(publicUrl),
  title: { default: siteName, template: `%s · ${siteName}` },
  description: "Articles, series and courses for people who build software.",
  alternates: { types: { "application/rss+xml": "/feed.xml" } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Runs before the first paint: the stored choice, else the system's, so there is no light flash.
const themeScript = `(function(){try{var t=localStorage.getItem('theme');if(t!=='dark'&&t!=='light'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="nav">
          <div className="inner">
            <Link className="brand" href="/">{siteName}</Link>
            <nav aria-label="Main">
              <Link href="/">Latest</Link>
              <Link href="/series">Series</Link>
              <Link href="/tags">Tags</Link>
              <Link href="/search">Search</Link>
              <Link href="/ask">Ask AI</Link>
              <Link href="/pricing">Plans</Link>
            </nav>
            <ThemeToggle />
            <UserMenu />
          </div>
        </header>
        <main id="main">{children}</main>
        <footer>
          <div className="inner">
            <p>
              {siteName} · <Link href="/newsletter">Newsletter</Link> · <a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/sitemap.xml">Sitemap</a> · <Link href="/privacy">Privacy</Link> · press <kbd>Ctrl</kbd>+<kbd>K</kbd> to jump anywhere
            </p>
          </div>
        </footer>
        <CommandPalette />
      </body>
    </html>
  );
}
