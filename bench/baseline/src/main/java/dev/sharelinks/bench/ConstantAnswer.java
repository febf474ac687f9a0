package dev.sharelinks.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The constant JSON both reference endpoints answer (this baseline and bench/libraries-only): a link status. */
public final class ConstantAnswer {

    public static final Map<String, Object> BODY;

    static {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personaId", "3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
        body.put("personaName", "Support persona");
        body.put("type", "LINK");
        body.put("available", true);
        body.put("reason", null);
        body.put("removeWatermark", false);
        body.put("remainingUses", 1000);
        body.put("expiresAt", "2036-04-27T10:00:00.000Z");
        BODY = Collections.unmodifiableMap(body);
    }

    private ConstantAnswer() {}
}
