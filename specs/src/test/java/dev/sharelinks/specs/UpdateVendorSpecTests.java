package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The update command on copies of the real specs, fed with the vendors' own reference pages. */
class UpdateVendorSpecTests {

    static final Path SEEDS = SpecFiles.ROOT.resolveSibling("shared").resolve("seeds");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "anam, create-share-link.yaml, 000_4c9bda83f399a24e.txt",
        "anam, update-share-link.yaml, 001_f653a219ace56b19.txt",
        "cekura, create-shareable-link-token.yaml, 004_54ef95d55ad98762.txt"
    })
    void theVendorsUnchangedPageChangesNoByteAndNothingForClients(
            String vendor, String file, String seed, @TempDir Path dir) throws IOException {
        Path specs = copyOfSpecs(dir);
        Path vendorFile = specs.resolve(vendor + "/vendor/" + file);
        byte[] before = Files.readAllBytes(vendorFile);

        UpdateVendorSpec.Result result = UpdateVendorSpec.update(specs, vendor, page(vendor, file, seed));

        assertThat(result.files()).containsExactly(vendorFile);
        assertThat(result.changed()).isEmpty();
        assertThat(Files.readAllBytes(vendorFile)).isEqualTo(before);
        assertThat(result.report())
                .contains(
                        "specs/" + vendor + "/vendor/" + file + ": unchanged (the same bytes)",
                        "No changes for clients.");
        assertThat(tree(specs)).as("no other file is touched").isEqualTo(tree(copyOfSpecs(dir.resolve("again"))));
    }

    @Test
    void aVendorChangeOfOneRequestFieldAndOneResponseFieldChangesExactlyThoseLines(@TempDir Path dir)
            throws IOException {
        Path specs = copyOfSpecs(dir);
        Path create = specs.resolve("anam/vendor/create-share-link.yaml");
        Path update = specs.resolve("anam/vendor/update-share-link.yaml");
        List<String> createBefore = Files.readAllLines(create);
        List<String> updateBefore = Files.readAllLines(update);

        String createPage = withNewFields(page("anam", "create-share-link.yaml", "000_4c9bda83f399a24e.txt"));
        String updatePage = withNewResponseField(page("anam", "update-share-link.yaml", "001_f653a219ace56b19.txt"));

        // the response field is in ShareLink, which both pages carry: one page alone is named as a conflict
        Path alone = copyOfSpecs(dir.resolve("alone"));
        assertThat(UpdateVendorSpec.update(alone, "anam", createPage).report())
                .anyMatch(line -> line.contains("components schemas ShareLink is in both")
                        && line.contains("bring in its other pages too"));

        UpdateVendorSpec.Result result = UpdateVendorSpec.update(specs, "anam", List.of(createPage, updatePage));

        assertThat(added(createBefore, Files.readAllLines(create)))
                .containsExactly(
                        "                label:",
                        "                  type: string",
                        "        label:",
                        "          type: string");
        assertThat(Files.readAllLines(create)).hasSize(createBefore.size() + 4);
        assertThat(added(updateBefore, Files.readAllLines(update)))
                .containsExactly("        label:", "          type: string");
        assertThat(Files.readAllLines(update)).hasSize(updateBefore.size() + 2);
        assertThat(result.report())
                .anyMatch(line -> line.startsWith("- [compatible]") && line.contains("label"))
                .noneMatch(line -> line.contains("BREAKING") || line.contains("cannot be built"));
    }

    @Test
    void aPageThatMovesWhatTheOverlayExtendsIsNamed(@TempDir Path dir) throws IOException {
        Path specs = copyOfSpecs(dir);
        String renamed = page("cekura", "create-shareable-link-token.yaml", "004_54ef95d55ad98762.txt")
                .replace("SchemaCreateShareableLinkTokenResponse", "ShareableLinkTokenResponse");

        UpdateVendorSpec.Result result = UpdateVendorSpec.update(specs, "cekura", renamed);

        assertThat(result.changed()).hasSize(1);
        assertThat(result.report())
                .anyMatch(line -> line.startsWith("The effective spec cannot be built: overlay action")
                        && line.contains("$.components.schemas.SchemaCreateShareableLinkTokenResponse.properties")
                        && line.endsWith("matched nothing"));
    }

    @Test
    void aPageForAnOperationNoFileHoldsBecomesAFileOfItsOwn(@TempDir Path dir) throws IOException {
        Path specs = copyOfSpecs(dir);
        String newer = """
                openapi: 3.1.0
                info: {title: Anam AI API, version: '1.0'}
                paths:
                  /v1/share-links/{id}/duplicate:
                    post:
                      operationId: duplicateShareLink
                      parameters:
                        - {in: path, name: id, required: true, schema: {type: string, format: uuid}}
                      responses:
                        '201': {description: duplicated}
                """;
        UpdateVendorSpec.Result result = UpdateVendorSpec.update(specs, "anam", newer);

        assertThat(result.files()).containsExactly(specs.resolve("anam/vendor/duplicate-share-link.yaml"));
        assertThat(Files.readString(result.files().get(0))).isEqualTo(newer);
        assertThat(result.report())
                .anyMatch(line -> line.startsWith("- [compatible]")
                        && line.contains("operation POST /v1/share-links/{id}/duplicate was added"));
    }

    @Test
    void aPlainTextWithoutADocumentIsRefused(@TempDir Path dir) throws IOException {
        Path specs = copyOfSpecs(dir);
        assertThatThrownBy(() -> UpdateVendorSpec.update(specs, "cekura", "hello: world"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tree(specs)).isEqualTo(tree(copyOfSpecs(dir.resolve("again"))));
    }

    /** One optional request field and one response field, indented as the page indents its neighbours. */
    static String withNewFields(String page) {
        String request = "                usageLimit:\n                  type: number\n                  default: 10\n";
        assertThat(page).contains(request);
        return withNewResponseField(
                page.replace(request, request + "                label:\n                  type: string\n"));
    }

    /** A new last property of ShareLink. */
    static String withNewResponseField(String page) {
        String response = "        createdAt:\n          type: string\n          format: date-time\n"
                + "          description: Timestamp when the share link was created.\n";
        assertThat(page).contains(response);
        return page.replace(response, response + "        label:\n          type: string\n");
    }

    /** The lines of {@code after} that {@code before} does not have, in order (a longest-common-subsequence diff). */
    static List<String> added(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (j < after.size()) {
            if (i < before.size() && before.get(i).equals(after.get(j))) {
                i++;
                j++;
            } else if (i < before.size() && common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                added.add(after.get(j++));
            }
        }
        return added;
    }

    /** The vendor's page from the seeds, or (without them) the vendor file in a page's fences. */
    static String page(String vendor, String file, String seed) throws IOException {
        return Files.exists(SEEDS.resolve(seed))
                ? Files.readString(SEEDS.resolve(seed))
                : "# a page\n\n````yaml https://example.invalid post /x\n"
                        + Files.readString(SpecFiles.SPECS.resolve(vendor + "/vendor/" + file)) + "````";
    }

    static Path copyOfSpecs(Path dir) throws IOException {
        Path specs = dir.resolve("specs");
        for (String room : EffectiveSpecs.SOURCE_ROOMS) {
            try (Stream<Path> files = Files.walk(SpecFiles.SPECS.resolve(room))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = specs.resolve(SpecFiles.SPECS.relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        return specs;
    }

    /** Every file under a specs copy with its content, to compare two copies. */
    static List<String> tree(Path specs) throws IOException {
        try (Stream<Path> files = Files.walk(specs)) {
            List<String> entries = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.add(specs.relativize(file) + "\n" + Files.readString(file));
            }
            return entries;
        }
    }
}
