package dev.sharelinks.platform.security;

import dev.sharelinks.platform.config.ShareLinksProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The client's address for rate limits. {@code X-Forwarded-For} is believed only when the connection comes from
 * a configured trusted proxy ({@code sharelinks.rate-limit.trusted-proxies}); then the header is read from the
 * right, skipping trusted proxies, and the first other address is the client. Anyone else could write any
 * address there and get a fresh bucket per request.
 */
@Component
public class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(ShareLinksProperties properties) {
        this.trustedProxies = properties.rateLimit().trustedProxies().stream()
                .map(IpAddressMatcher::new)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!isTrusted(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private boolean isTrusted(String address) {
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
