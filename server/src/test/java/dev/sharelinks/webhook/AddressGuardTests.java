package dev.sharelinks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard's decisions on loopback addresses (the only range tests may use), with and without the operator's
 * settings, and on a name that does not resolve.
 */
class AddressGuardTests {

    @Test
    void loopbackIsRefusedByDefault() throws Exception {
        AddressGuard guard = new AddressGuard(settings(false, List.of()), false);
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isEqualTo("loopback");
        assertThat(guard.refusal(InetAddress.getByName("127.255.0.9"))).isEqualTo("loopback");
        assertThat(guard.refusal(InetAddress.getByName("::1"))).isEqualTo("loopback");
        // the IPv4-mapped form is the same address
        assertThat(guard.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).isEqualTo("loopback");
        assertThatThrownBy(() -> guard.resolve("localhost"))
                .isInstanceOf(AddressGuard.RefusedAddressException.class)
                .hasMessageContaining("(loopback) for localhost");
    }

    @Test
    void anAllowedRangeLetsExactlyItsAddressesPass() throws Exception {
        AddressGuard guard = new AddressGuard(settings(false, List.of("127.0.0.3/32")), false);
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.3"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.4"))).isEqualTo("loopback");
    }

    @Test
    void allowingLoopbackAllowsLoopback() throws Exception {
        AddressGuard guard = new AddressGuard(settings(true, List.of()), false);
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.2"))).isNull();
        assertThat(guard.resolve("localhost")).isNotEmpty();
    }

    @Test
    void thePlainHttpGuardLetsOnlyLoopbackPassAndOnlyWhenAllowed() throws Exception {
        assertThat(new AddressGuard(settings(true, List.of()), true).refusal(InetAddress.getByName("127.0.0.1")))
                .isNull();
        assertThat(new AddressGuard(settings(false, List.of("127.0.0.0/8")), true)
                        .refusal(InetAddress.getByName("127.0.0.1")))
                .startsWith("not loopback");
    }

    @Test
    void aNameThatDoesNotResolveIsUnknown() {
        AddressGuard guard = new AddressGuard(settings(false, List.of()), false);
        assertThatThrownBy(() -> guard.resolve("nothing.sharelinks.invalid"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(AddressGuard.RefusedAddressException.class);
    }

    private static ShareLinksProperties.Webhooks settings(boolean allowLoopback, List<String> allowedRanges) {
        return new ShareLinksProperties.Webhooks(
                true,
                allowLoopback,
                allowedRanges,
                Duration.ofSeconds(10),
                List.of(Duration.ZERO),
                0.1,
                8,
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                256,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }
}
