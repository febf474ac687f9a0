package dev.sharelinks.sharelink;

import dev.sharelinks.platform.ForbiddenException;
import dev.sharelinks.platform.MillisecondClock;
import dev.sharelinks.platform.NotFoundException;
import dev.sharelinks.sharelink.LinkUnavailableException.Reason;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a link's holder can do with its token: see whether it opens, and use it. Nothing here is cached: a
 * disabled, rotated, expired or used-up link stops working on the very next request, on every instance.
 */
@Service
public class PublicShareLinks {

    private final ShareLinkRepository links;
    private final ShareLinkMetrics metrics;
    private final MillisecondClock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ClaimBatches claims;

    PublicShareLinks(
            ShareLinkRepository links,
            ShareLinkMetrics metrics,
            MillisecondClock clock,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            ClaimBatches claims) {
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
        this.transaction = transaction;
        this.events = events;
        this.claims = claims;
    }

    /**
     * The link, if it can be used now. Reading never consumes a use.
     *
     * @param origin the caller's Origin header (normalized), or null when it sent none or it is the service itself
     */
    public ShareLink status(String token, String origin) {
        ShareLink link = find(token);
        checkOrigin(link, origin);
        Reason reason = unusable(link, clock.now());
        if (reason != null) {
            throw unavailable(reason);
        }
        return link;
    }

    /**
     * Consumes exactly one use. Concurrent claims are counted together ({@link ClaimBatches}); each is answered
     * after the commit that counted it, and the use that reaches the limit is announced as such.
     */
    public LinkUse use(String token, String origin, Visitor visitor) {
        return metrics.claimTimer().record(() -> {
            try {
                if (origin != null) {
                    // an embed's caller: its origin must be allowed before anything is counted
                    checkOrigin(find(token), origin);
                } else if (!plausible(token)) {
                    throw notFound();
                }
                LinkUse use = claims.claim(token, origin, visitor);
                metrics.sessionClaimed();
                return use;
            } catch (LinkUnavailableException e) {
                metrics.sessionRefused(e.reason().code());
                throw e;
            } catch (ForbiddenException e) {
                metrics.sessionRefused("origin");
                throw e;
            } catch (NotFoundException e) {
                metrics.sessionRefused("unknown");
                throw e;
            }
        });
    }

    /** Gives back a counted use that led nowhere (its hand-off failed): the next visitor may have it. */
    public void giveBack(LinkUse use) {
        transaction.executeWithoutResult(status -> {
            links.giveBack(use.link().id());
            events.publishEvent(
                    new ShareLinkEvent(ShareLinkEvent.Type.USE_GIVEN_BACK, use.link(), clock.now(), use.session()));
        });
        metrics.useGivenBack();
    }

    /** Why the link cannot be used at {@code now}, or null when it can. Disabled wins over expired over used up. */
    public static Reason unusable(ShareLink link, Instant now) {
        if (!link.enabled()) {
            return Reason.DISABLED;
        }
        if (link.expiresAt() != null && !link.expiresAt().isAfter(now)) {
            return Reason.EXPIRED;
        }
        if (link.usageLimit() != null && link.usageCount() >= link.usageLimit()) {
            return Reason.EXHAUSTED;
        }
        return null;
    }

    public static Integer remainingUses(ShareLink link) {
        return link.usageLimit() == null ? null : Math.max(0, link.usageLimit() - link.usageCount());
    }

    /** Embeds may be called only from the origins their owner allowed; direct links from anywhere. */
    public static boolean originAllowed(ShareLink link, String origin) {
        return origin == null
                || link.type() == LinkType.LINK
                || link.allowAllOrigins()
                || link.allowedOrigins().contains(origin);
    }

    private static void checkOrigin(ShareLink link, String origin) {
        if (!originAllowed(link, origin)) {
            throw new ForbiddenException("Origin " + origin + " may not use this share link");
        }
    }

    private ShareLink find(String token) {
        if (!plausible(token)) {
            throw notFound();
        }
        return links.findByToken(token).orElseThrow(PublicShareLinks::notFound);
    }

    /** A token the database could hold: anything else is unknown without asking it. */
    private static boolean plausible(String token) {
        return token != null && token.length() <= 64 && token.indexOf('\u0000') < 0;
    }

    static NotFoundException notFound() {
        return new NotFoundException("Share link not found");
    }

    static LinkUnavailableException unavailable(Reason reason) {
        return new LinkUnavailableException(
                reason,
                switch (reason) {
                    case DISABLED -> "This share link has been disabled by its owner";
                    case EXPIRED -> "This share link has expired";
                    case EXHAUSTED -> "This share link has been used up";
                });
    }
}
