// The API reference: Swagger UI over the spec files in specs/, one entry per API surface.
// A separate file rather than an inline script, so the page's CSP can forbid inline scripts.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: '/docs/specs/anam/share-links.yaml', name: 'Anam share links (vendor API)' },
      { url: '/docs/specs/cekura/results.yaml', name: 'Cekura shareable result links (vendor API)' },
      { url: '/docs/specs/sharelinks/owner.yaml', name: 'Share-link settings and token rotation (owner API)' },
      { url: '/docs/specs/sharelinks/public.yaml', name: 'Public link status and sessions' },
      { url: '/docs/specs/sharelinks/webhooks.yaml', name: 'Webhooks (endpoints, deliveries, events)' },
      { url: '/docs/specs/sharelinks/admin.yaml', name: 'Operator API' }
    ],
    'urls.primaryName': 'Anam share links (vendor API)',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // no call to the public validator service: nothing leaves this server
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
});
