package dev.sharelinks.webhook;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The addresses a webhook may be sent to, checked on the very addresses the HTTP client connects to (it resolves
 * names only through this resolver): a name that resolves to any refused address is refused as a whole, so a
 * receiver cannot point a name at the service's own network, and a DNS answer that changes between a check and the
 * connection cannot either.
 */
class AddressGuard implements DnsResolver {

    /** A range and what it is, as the refusal names it. */
    private record Range(IpAddressMatcher matcher, String what) {
        Range(String cidr, String what) {
            this(new IpAddressMatcher(cidr), what);
        }
    }

    private static final List<Range> LOOPBACK =
            List.of(new Range("127.0.0.0/8", "loopback"), new Range("::1/128", "loopback"));

    private static final List<Range> REFUSED = List.of(
            new Range("169.254.169.254/32", "cloud metadata"),
            new Range("fd00:ec2::254/128", "cloud metadata"),
            new Range("100.100.100.200/32", "cloud metadata"),
            new Range("0.0.0.0/8", "unspecified"),
            new Range("::/128", "unspecified"),
            new Range("10.0.0.0/8", "private"),
            new Range("172.16.0.0/12", "private"),
            new Range("192.168.0.0/16", "private"),
            new Range("100.64.0.0/10", "shared address space"),
            new Range("169.254.0.0/16", "link-local"),
            new Range("fe80::/10", "link-local"),
            new Range("fc00::/7", "unique-local"),
            new Range("fec0::/10", "site-local"),
            new Range("224.0.0.0/4", "multicast"),
            new Range("ff00::/8", "multicast"),
            new Range("192.0.0.0/24", "reserved"),
            new Range("192.0.2.0/24", "reserved"),
            new Range("198.18.0.0/15", "reserved"),
            new Range("198.51.100.0/24", "reserved"),
            new Range("203.0.113.0/24", "reserved"),
            new Range("240.0.0.0/4", "reserved"),
            new Range("2001:db8::/32", "reserved"));

    private final boolean allowLoopback;
    private final boolean loopbackOnly;
    private final List<IpAddressMatcher> allowed;

    /**
     * @param loopbackOnly refuse everything but loopback (the resolver of plain-http endpoints)
     */
    AddressGuard(ShareLinksProperties.Webhooks settings, boolean loopbackOnly) {
        this.allowLoopback = settings.allowLoopback();
        this.loopbackOnly = loopbackOnly;
        this.allowed =
                settings.allowedRanges().stream().map(IpAddressMatcher::new).toList();
    }

    /** Why the address is refused, or null when a webhook may go there. */
    String refusal(InetAddress address) {
        String host = address.getHostAddress();
        boolean loopback = LOOPBACK.stream().anyMatch(r -> r.matcher().matches(host));
        if (loopbackOnly) {
            return loopback && allowLoopback ? null : "not loopback (plain http goes only to this machine)";
        }
        if (loopback) {
            return allowLoopback || allowed(host) ? null : "loopback";
        }
        for (Range range : REFUSED) {
            if (range.matcher().matches(host)) {
                return allowed(host) ? null : range.what();
            }
        }
        InetAddress embedded = embeddedIpv4(address);
        return embedded == null ? null : refusal(embedded);
    }

    private boolean allowed(String host) {
        return allowed.stream().anyMatch(m -> m.matches(host));
    }

    /** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, checked like any other. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        try {
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new RefusedAddressException(host, address, refusal);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        resolve(host);
        return host; // no reverse lookup: nothing here needs one
    }

    /** Nothing was sent: the name resolved to an address webhooks may not go to. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host, InetAddress address, String what) {
            super("refused address " + address.getHostAddress() + " (" + what + ")"
                    + (host.equals(address.getHostAddress()) ? "" : " for " + host));
        }
    }
}
