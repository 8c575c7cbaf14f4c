// Swagger UI over the gateway's own OpenAPI document (no CDN: the bundle is served from node_modules).
// 24 connectors make ~160 operations: tags start collapsed (one header per connector) so the page renders at once;
// a tag opens on click or by deep link.
/* global SwaggerUIBundle -- set by /vendor/swagger-ui/swagger-ui-bundle.js, loaded just before */
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'none', tryItOutEnabled: false, validatorUrl: null });
