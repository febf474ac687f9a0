/** The webhooks API ({@code specs/sharelinks/webhooks.yaml}): endpoints, secrets, the delivery log, redelivery. */
package dev.sharelinks.webhook.web;
