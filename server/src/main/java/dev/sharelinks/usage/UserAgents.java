package dev.sharelinks.usage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser family and bot flag of a User-Agent, by uap-java (the uap-core rules, the parser Shlink-like services and
 * Matomo's device detector descend from). Parsing runs hundreds of regular expressions, so results are kept per
 * distinct User-Agent: the same few hundred strings make nearly all traffic.
 */
@Component
class UserAgents {

    static final String UNKNOWN = "Other";
    private static final int MAX_FAMILY = 64;

    record Agent(String family, boolean bot) {}

    /** Immutable once made; reading the rules takes ~0.1 s of a start, see {@link UserAgentRulesPreinitializer}. */
    static final Parser PARSER = new Parser();

    private final Cache<String, Agent> parsed =
            Caffeine.newBuilder().maximumSize(10_000).build();

    Agent of(String userAgent) {
        if (userAgent == null) {
            return new Agent(UNKNOWN, false);
        }
        return parsed.get(userAgent, this::parse);
    }

    private Agent parse(String userAgent) {
        Client client = PARSER.parse(userAgent);
        String family = client.userAgent == null || client.userAgent.family == null ? UNKNOWN : client.userAgent.family;
        boolean bot = client.device != null && "Spider".equals(client.device.family);
        return new Agent(family.length() > MAX_FAMILY ? family.substring(0, MAX_FAMILY) : family, bot);
    }
}
