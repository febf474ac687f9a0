package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walkthroughs, as written, run by bash in one shell against a started server: the Anam one,
 * the Cekura one and the owner settings. Only the base URL and the admin token are the test's (the README's
 * {@code localhost:8080} and {@code change-me}). Needs curl and jq, which {@code .ci/run} installs.
 */
class ReadmeWalkthroughTests {

    private static final List<String> BLOCKS_AFTER = List.of(
            "## Walkthrough: Anam share links (curl)",
            "## Walkthrough: Cekura shareable result links (curl)",
            "**Owner settings**",
            "## What happened: uses over time, QR codes, the inventory, the console");

    @Test
    void theCurlWalkthroughsRunAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        StringBuilder script = new StringBuilder("set -eo pipefail\n");
        for (String anchor : BLOCKS_AFTER) {
            script.append(firstShellBlockAfter(readme, anchor)).append('\n');
        }
        try (ServerProcess server = ServerProcess.launch("readme-walkthrough")
                .database("jdbc:h2:mem:readme-walkthrough")
                .start()) {
            String walkthrough = script.toString()
                    .replace("BASE=http://localhost:8080", "BASE=" + server.baseUrl())
                    .replace("Bearer change-me", "Bearer " + ServerProcess.ADMIN_TOKEN);
            Process bash = new ProcessBuilder("bash", "-c", walkthrough)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(bash.getInputStream().readAllBytes());
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(output).isZero();
            List<String> lines = output.lines().toList();
            assertThat(output)
                    .as("the Anam walkthrough")
                    .contains("{\"message\":\"Share link deleted successfully\"}")
                    .contains("{\"error\":\"Not Found\",\"message\":\"Share link not found\"}");
            assertThat(output)
                    .as("the Cekura walkthrough")
                    .contains("\"custom_domain\":true")
                    .contains("\"status\":\"passed\"");
            // the owner walkthrough ends on the rotated token: the old one is gone, the new one opens the link
            int open = lines.indexOf(lines.stream()
                    .filter(line -> line.startsWith("open " + server.baseUrl() + "/share/sh_"))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.get(open - 2)).contains("\"error\":\"Not Found\"");
            assertThat(lines.get(open - 1)).contains("\"remainingUses\"").doesNotContain("not found");
            // the usage block: the owner walkthrough's one counted use, by link, persona and organisation
            List<String> usage = lines.subList(open + 1, open + 4);
            assertThat(usage).allSatisfy(line -> assertThat(line).contains("\"total\":1"));
            assertThat(usage.get(1)).contains("\"interval\":\"hour\"", "\"timeZone\":\"Europe/Berlin\"");
            assertThat(Files.readString(Path.of("/tmp/link-qr.svg"))).startsWith("<svg ");
            assertThat(Files.readAllBytes(Path.of("/tmp/link-qr.png"))).startsWith(0x89, 'P', 'N', 'G');
            assertThat(lines.get(open + 4)).contains("\"name\":\"Acme\"", "\"total\":1");
            assertThat(lines.get(open + 5)).contains("\"name\":\"walkthrough\"", "\"lastUsedAt\":\"");
            assertThat(lines.get(open + 6)).contains("Sales assistant");
            assertThat(lines.get(open + 7)).contains("\"data\":[");
        }
    }

    private static String firstShellBlockAfter(String readme, String anchor) {
        int at = readme.indexOf(anchor);
        assertThat(at).as("README has " + anchor).isNotNegative();
        Matcher block = Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(at)).as("a sh block after " + anchor).isTrue();
        return block.group(1);
    }
}
