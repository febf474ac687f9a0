package dev.sharelinks.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error body shapes the service speaks. Which one a request gets depends only on its path,
 * so every error of a surface looks the same wherever it is raised (filters, controllers, /error).
 */
public enum VendorErrorFormat {

    /** Anam AI, and our own APIs: {"error": "Not Found", "message": "Share link not found"}. */
    ANAM {
        @Override
        public Map<String, Object> body(ApiError error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error.status().getReasonPhrase());
            body.put("message", error.message());
            if (error.reason() != null) {
                body.put("reason", error.reason());
            }
            return body;
        }
    },

    /** Cekura (Django REST Framework): {"expire_at": ["..."]} for a field, {"detail": "..."} otherwise. */
    CEKURA {
        @Override
        public Map<String, Object> body(ApiError error) {
            if (error.field() != null) {
                return Map.of(error.field(), List.of(error.message()));
            }
            return Map.of("detail", error.message());
        }
    };

    public abstract Map<String, Object> body(ApiError error);

    public static VendorErrorFormat forPath(String path) {
        return isCekura(path) ? CEKURA : ANAM;
    }

    /** The Cekura surface lives under /test_framework/; everything else speaks the Anam (and our) shape. */
    public static boolean isCekura(String path) {
        return path != null && path.startsWith("/test_framework/");
    }
}
