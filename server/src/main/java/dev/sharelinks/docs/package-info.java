/** The API reference at {@code /docs}: Swagger UI over the spec files, nothing loaded from elsewhere. */
@org.springframework.modulith.ApplicationModule(displayName = "API reference")
package dev.sharelinks.docs;
