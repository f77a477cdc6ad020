// The API page: one document per service, served by the service itself (its committed OpenAPI
// document, docs/adr/0102) through the gateway's /api-docs/<service> routes.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { name: "identity", url: "/api-docs/identity" },
      { name: "content", url: "/api-docs/content" },
      { name: "learning", url: "/api-docs/learning" },
      { name: "ai", url: "/api-docs/ai" },
      { name: "billing", url: "/api-docs/billing" },
      { name: "notify", url: "/api-docs/notify" }
    ],
    "urls.primaryName": "content",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
