package dev.sharelinks.webhook;

import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.result.ResultLinkEvent;
import dev.sharelinks.sharelink.ShareLinkEvent;
import dev.sharelinks.sharelink.anam.AnamShareLinkView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook: {@code {"type", "timestamp", "data"}}, {@code data} in the vendor's own words (a link as
 * the Anam API shows it, a result link as Cekura names its fields). At most {@link #MAX_BYTES}: a larger one keeps
 * only the resource's id in {@code data}, with {@code "truncated": true}.
 */
@Component
class WebhookPayloads {

    static final int MAX_BYTES = 20 * 1024;
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper json;
    private final AnamShareLinkView anam;
    private final OrganizationService organizations;

    WebhookPayloads(JsonMapper json, AnamShareLinkView anam, OrganizationService organizations) {
        this.json = json;
        this.anam = anam;
        this.organizations = organizations;
    }

    String of(ShareLinkEvent event) {
        Map<String, Object> data = json.convertValue(anam.of(event.link()), OBJECT);
        if (event.session() != null) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("sessionId", event.session().sessionId());
            session.put("use", event.session().use());
            session.put("origin", event.session().origin());
            data.put("session", session);
        }
        return envelope(
                EventType.of(event.type()).orElseThrow(),
                event.occurredAt(),
                data,
                "id",
                event.link().id());
    }

    String of(ResultLinkEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("result_id", event.resultId());
        data.put("expire_at", timestamp(event.expireAt()));
        data.put(
                "custom_domain",
                organizations
                        .find(event.organizationId())
                        .map(o -> o.customDomain() != null)
                        .orElse(false));
        return envelope(EventType.of(event.type()), event.occurredAt(), data, "result_id", event.resultId());
    }

    private String envelope(EventType type, Instant at, Map<String, Object> data, String idField, Object id) {
        String body = write(type, at, data);
        if (body.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return body;
        }
        Map<String, Object> reduced = new LinkedHashMap<>();
        reduced.put(idField, id);
        reduced.put("truncated", true);
        return write(type, at, reduced);
    }

    private String write(EventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", timestamp(at));
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private static String timestamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
