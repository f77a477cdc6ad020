import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // The gateway compresses responses; doing it twice costs CPU for nothing.
  compress: false,
  typedRoutes: false,
};

export default config;
