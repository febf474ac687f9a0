/**
 * Webhooks: an organisation's endpoints and their signing secrets (encrypted with the key-encryption key), the
 * outbox that stores each event in the transaction of the change it announces, and the delivery workers that take
 * due deliveries on every instance ({@code FOR UPDATE SKIP LOCKED}), sign them the Standard Webhooks way, send them
 * past an address guard and retry on the Standard Webhooks schedule. The API ({@code web}) is
 * {@code specs/sharelinks/webhooks.yaml}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package dev.sharelinks.webhook;
