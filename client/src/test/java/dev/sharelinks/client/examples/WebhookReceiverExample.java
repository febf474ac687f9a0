package dev.sharelinks.client.examples;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/** The README's webhook receiver, compiled and run by ReadmeExamplesTests. */
public final class WebhookReceiverExample {

    private WebhookReceiverExample() {}

    /** @return the HTTP status the receiver answers */
    public static int receive(String secret, String body, Map<String, List<String>> headers) {
        // spotless:off (the README shows these lines as they are)
        // tag::webhook[]
        Webhook webhook = new Webhook(secret);  // the endpoint's whsec_... secret, shown once when it was made
        try {
            webhook.verify(body, headers);      // the raw body as received; headers webhook-id, -timestamp, -signature
        } catch (WebhookVerificationException e) {
            return 400;                         // not from the service, altered, or older than five minutes
        }
        String eventId = headers.get("webhook-id").get(0);  // the same on a retry: handle each id once
        System.out.println("event " + eventId + ": " + body);
        return 200;                             // anything else (or no answer within 10 s) is retried
        // end::webhook[]
        // spotless:on
    }
}
