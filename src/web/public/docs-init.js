// Swagger UI over the gateway's own OpenAPI document (no CDN: the bundle is served from node_modules).
/* global SwaggerUIBundle -- set by /vendor/swagger-ui/swagger-ui-bundle.js, loaded just before */
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false, validatorUrl: null });
