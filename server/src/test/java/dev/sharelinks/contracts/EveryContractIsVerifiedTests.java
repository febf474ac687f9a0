package dev.sharelinks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract plugin only warns when it cannot read a contract file, and then generates no test for it.
 * This makes that a failure: every file in contracts/ must have become a verifier test.
 */
class EveryContractIsVerifiedTests {

    @Test
    void everyContractFileHasAGeneratedTest() throws IOException {
        Path contracts = Path.of("..", "contracts");
        Path generated = Path.of("target", "generated-test-sources", "contracts");
        String tests;
        try (Stream<Path> files = Files.walk(generated)) {
            tests = String.join(
                    "\n",
                    files.filter(f -> f.toString().endsWith(".java"))
                            .map(f -> {
                                try {
                                    return Files.readString(f);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .toList());
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(contracts)) {
            names = files.filter(f -> f.toString().endsWith(".yml"))
                    .map(f -> f.getFileName().toString().replace(".yml", ""))
                    .toList();
        }
        assertThat(names).isNotEmpty();
        assertThat(names)
                .allSatisfy(name -> assertThat(tests)
                        .as("contracts/**/%s.yml has no generated test (does it parse?)", name)
                        .contains("void validate_" + name + "()"));
    }
}
