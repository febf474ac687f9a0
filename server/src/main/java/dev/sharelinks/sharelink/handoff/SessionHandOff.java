package dev.sharelinks.sharelink.handoff;

import dev.sharelinks.organization.HandOffSettings;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.sharelink.LinkUse;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.Visitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/**
 * Starting a session: one counted use (the claim decides), then the hand-off. The grant always; Anam's session
 * token when the organisation stored its Anam key. When Anam gives none, the use is given back before the visitor
 * hears so, and the answer says why.
 */
@Service
public class SessionHandOff {

    private final PublicShareLinks links;
    private final OrganizationService organizations;
    private final SessionGrants grants;
    private final AnamSessionTokens anam;
    private final MillisecondClock clock;
    private final MeterRegistry registry;

    SessionHandOff(
            PublicShareLinks links,
            OrganizationService organizations,
            SessionGrants grants,
            AnamSessionTokens anam,
            MillisecondClock clock,
            MeterRegistry registry) {
        this.links = links;
        this.organizations = organizations;
        this.grants = grants;
        this.anam = anam;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * @param origin the caller's or embedding origin (null: none, or the service's own page)
     * @throws HandOffFailedException when the Anam hand-off failed; the use has been given back
     */
    public HandedOn start(String token, String origin, Visitor visitor) {
        LinkUse use = links.use(token, origin, visitor);
        var link = use.link();
        HandOffSettings settings = organizations
                .handOffSettings(link.organizationId(), link.personaId())
                .orElse(new HandOffSettings(link.organizationId().toString(), null, java.util.Optional.empty()));
        String grant = grants.issue(use, origin, settings.audience(), clock.now());
        String sessionToken = null;
        if (settings.anam().isPresent()) {
            try {
                sessionToken = anam.sessionToken(settings.anam().get(), link.personaId());
            } catch (HandOffFailedException e) {
                links.giveBack(use);
                Counter.builder("sharelinks.handoff.failures")
                        .tag("reason", e.reason().code())
                        .description("Anam hand-offs that failed; their uses were given back")
                        .register(registry)
                        .increment();
                throw e;
            }
        }
        return new HandedOn(use, grant, settings.launchUrl(), sessionToken);
    }
}
