package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update command on copies of the real specs, fed with the vendors' own reference pages. */
class UpdateVendorSpecTests {

    static final Path SEEDS = SpecFiles.ROOT.resolveSibling("shared").resolve("seeds");

    @Test
    void theVendorsOwnPageChangesNothingForClients(@TempDir Path dir) throws Exception {
        Path spec = copy("anam/share-links.yaml", dir);
        String page = Files.exists(SEEDS.resolve("000_4c9bda83f399a24e.txt"))
                ? Files.readString(SEEDS.resolve("000_4c9bda83f399a24e.txt"))
                : "```yaml x\n" + Files.readString(SpecFiles.SPECS.resolve("anam/share-links.yaml")) + "```";
        JsonNode before = SpecFiles.read(spec);
        UpdateVendorSpec.update(spec, page);
        assertThat(SpecDiff.compare("anam", before, SpecFiles.read(spec))).isEmpty();
    }

    @Test
    void aNewVersionReplacesOperationsAddsNewOnesAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path spec = copy("anam/share-links.yaml", dir);
        JsonNode before = SpecFiles.read(spec);
        String newer = """
                openapi: 3.1.0
                info: {title: Anam AI API, version: '2.0'}
                paths:
                  /v1/share-links/{id}:
                    delete:
                      operationId: deleteShareLink
                      parameters:
                        - {in: path, name: id, required: true, schema: {type: string, format: uuid}}
                      responses:
                        '204': {description: deleted}
                  /v1/share-links/{id}/duplicate:
                    post:
                      operationId: duplicateShareLink
                      parameters:
                        - {in: path, name: id, required: true, schema: {type: string, format: uuid}}
                      responses:
                        '201': {description: duplicated}
                """;
        List<String> summary = UpdateVendorSpec.update(spec, newer);
        assertThat(summary)
                .contains("replaced DELETE /v1/share-links/{id}", "added    POST /v1/share-links/{id}/duplicate");
        JsonNode after = SpecFiles.read(spec);
        assertThat(after.at("/info/version").asText()).isEqualTo("1.0");
        assertThat(after.at("/paths/~1v1~1share-links/post/operationId").asText())
                .isEqualTo("createShareLink");
        var changes = SpecDiff.compare("anam", before, after);
        assertThat(changes)
                .extracting(SpecDiff.Change::id)
                .contains(
                        "added-operation POST /v1/share-links/{id}/duplicate",
                        "removed-status DELETE /v1/share-links/{id} 200");
        assertThat(changes)
                .filteredOn(SpecDiff.Change::breaking)
                .extracting(SpecDiff.Change::id)
                .contains("removed-status DELETE /v1/share-links/{id} 200");
    }

    @Test
    void aPlainTextWithoutADocumentIsRefused(@TempDir Path dir) throws Exception {
        Path spec = copy("cekura/results.yaml", dir);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UpdateVendorSpec.update(spec, "hello: world"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Path copy(String relative, Path dir) throws Exception {
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(SpecFiles.SPECS.resolve(relative), target);
        return target;
    }
}
