# The web app (web/): Next.js standalone server on Node.js 22, run as a non-root user.
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && cp -r .next/static .next/standalone/.next/static

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=8087 HOSTNAME=0.0.0.0
COPY --from=build --chown=10001:10001 /src/.next/standalone ./
USER 10001
EXPOSE 8087
CMD ["node", "--max-old-space-size=96", "--max-semi-space-size=2", "--v8-pool-size=1", "server.js"]
