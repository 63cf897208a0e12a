package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one server trusts X-Forwarded-For from loopback only, and names those proxies as
 * addresses or CIDRs, never as anything Quarkus would resolve: it takes a bare IPv6 address such as
 * {@code ::1} for a host name and looks it up in DNS while answering requests. Where DNS does not
 * answer, that stalled a keep-alive client 5 s every few seconds (measured: every ~54th request on
 * one connection, on every path, /q/health/live included; none with {@code ::1/128}).
 */
class TrustedProxiesTest {
    /** An IPv4 address with an optional prefix, or an IPv6 address with a prefix. */
    private static final Pattern ADDRESS_OR_CIDR = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}");

    @Test
    void trustedProxiesAreLoopbackAddressesOrCidrsThatNeedNoLookup() throws Exception {
        Properties properties = new Properties();
        // the server's own file (the test classpath's application.properties is the tests')
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        List<String> proxies = Arrays.stream(properties.getProperty("quarkus.http.proxy.trusted-proxies").split(","))
                .map(String::trim).toList();
        assertThat(proxies).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(proxies).allSatisfy(p -> assertThat(p).as("an address or CIDR, not a host name").matches(ADDRESS_OR_CIDR));
    }
}
