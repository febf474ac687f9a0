package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.SpecFiles.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every spec has a contract for its success response and one for each documented error
 * status (5xx excepted: a consumer cannot provoke them), and every contract addresses a documented operation.
 */
class ContractCoverageTests {

    static final Path CONTRACTS = SpecFiles.ROOT.resolve("contracts");

    @Test
    void everyOperationAndStatusHasAContract() throws IOException {
        List<Operation> operations = SpecFiles.allOperations();
        Set<String> covered = new LinkedHashSet<>();
        List<String> strays = new ArrayList<>();
        for (Path contract : contracts()) {
            JsonNode yaml = SpecFiles.read(contract);
            String method = yaml.path("request").path("method").asText().toLowerCase();
            String url = yaml.path("request")
                    .path(yaml.path("request").has("urlPath") ? "urlPath" : "url")
                    .asText();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String status = yaml.path("response").path("status").asText();
            Operation operation = operations.stream()
                    .filter(op -> op.method().equals(method) && op.matches(path))
                    .min(Comparator.comparingInt(op -> op.path().split("\\{").length))
                    .orElse(null);
            if (operation == null) {
                strays.add(SpecFiles.ROOT.relativize(contract) + ": " + method.toUpperCase() + " " + path
                        + " is no operation of any spec");
            } else {
                covered.add(operation.key() + " " + status);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Operation op : operations) {
            boolean success =
                    op.statuses().stream().anyMatch(s -> s.startsWith("2") && covered.contains(op.key() + " " + s));
            if (!success) {
                missing.add(op.key() + " (" + op.operationId() + "): no contract for a success response");
            }
            for (String status : op.statuses()) {
                if (!status.startsWith("2")
                        && !status.startsWith("5")
                        && !"default".equals(status)
                        && !covered.contains(op.key() + " " + status)) {
                    missing.add(op.key() + " (" + op.operationId() + "): no contract for documented status " + status);
                }
            }
        }
        assertThat(strays).as("contracts that match no operation").isEmpty();
        assertThat(missing)
                .as("operations and statuses without a contract in contracts/")
                .isEmpty();
    }

    private static List<Path> contracts() throws IOException {
        try (Stream<Path> files = Files.walk(CONTRACTS)) {
            return files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }
}
