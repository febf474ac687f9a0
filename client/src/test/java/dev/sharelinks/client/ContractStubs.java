package dev.sharelinks.client;

import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;

/**
 * The server's contract stubs (the sharelinks-server "stubs" jar on the test classpath), served by WireMock.
 * Every value the tests send and expect is the one written in contracts/.
 */
final class ContractStubs {

    static final String API_KEY = "sk_ContractTestKey000000000000000001";
    static final String ADMIN_TOKEN = "test-admin-token";

    private ContractStubs() {}

    static StubRunnerExtension server() {
        return new StubRunnerExtension()
                .downloadStub("dev.sharelinks", "sharelinks-server", "+", "stubs")
                .stubsMode(StubRunnerProperties.StubsMode.CLASSPATH);
    }

    static String baseUri(StubRunnerExtension stubs) {
        String url = stubs.findStubUrl("dev.sharelinks", "sharelinks-server").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
