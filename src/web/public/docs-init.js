// Swagger UI over the gateway's own OpenAPI document (no CDN: the bundle is served from node_modules).
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false, validatorUrl: null });
