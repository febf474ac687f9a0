package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sharelinks.specs.SpecDiff.Change;
import dev.sharelinks.specs.SpecDiff.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The breaking-change report against oasdiff's verdicts: every mutation of the catalogue
 * (src/test/resources/spec-diff-catalogue.yaml) applied to a vendored effective spec must be reported under the
 * oasdiff rule it names, at the level oasdiff gives that rule (src/test/resources/oasdiff-rules.tsv); every
 * compatible change must report nothing breaking.
 */
class SpecDiffCatalogueTests {

    static final Path RESOURCES = Path.of("src/test/resources");
    static final JsonNode CATALOGUE = SpecFiles.read(RESOURCES.resolve("spec-diff-catalogue.yaml"));

    static Stream<Arguments> mutations() {
        return StreamSupport.stream(CATALOGUE.path("mutations").spliterator(), false)
                .map(m -> Arguments.of(m.path("name").asText(m.path("rule").asText()), m));
    }

    static Stream<Arguments> compatibleChanges() {
        return StreamSupport.stream(CATALOGUE.path("compatible").spliterator(), false)
                .map(m -> Arguments.of(m.path("name").asText(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachMutationIsReportedUnderItsRuleAtOasdiffsLevel(String name, JsonNode mutation) {
        List<Change> changes = diff(mutation);
        String rule = mutation.path("rule").asText();
        Level level = Level.valueOf(mutation.path("level").asText());

        assertThat(changes)
                .extracting(Change::rule)
                .as("rules reported for: %s", name)
                .contains(rule);
        assertThat(changes)
                .filteredOn(c -> c.rule().equals(rule))
                .allSatisfy(c -> assertThat(c.level()).isEqualTo(level));
        assertThat(changes.stream().anyMatch(Change::breaking))
                .as("the verdict (breaking or not) of %s: %s", name, changes)
                .isEqualTo(level != Level.INFO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleChanges")
    void eachCompatibleChangeReportsNothingBreaking(String name, JsonNode change) {
        assertThat(diff(change)).filteredOn(Change::breaking).isEmpty();
    }

    @Test
    void theCatalogueIsAsLargeAsPromisedAndCitesOasdiffsOwnRules() throws IOException {
        Map<String, Level> oasdiff = oasdiffRules();
        List<JsonNode> mutations = StreamSupport.stream(
                        CATALOGUE.path("mutations").spliterator(), false)
                .toList();
        assertThat(mutations.stream().filter(m -> !m.path("own").asBoolean(false)))
                .as("mutations with an oasdiff rule")
                .hasSizeGreaterThanOrEqualTo(60)
                .allSatisfy(m -> assertThat(oasdiff.get(m.path("rule").asText()))
                        .as("oasdiff's level of %s", m.path("rule").asText())
                        .isEqualTo(Level.valueOf(m.path("level").asText())));
        assertThat(CATALOGUE.path("compatible")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(mutations.stream().filter(m -> m.path("own").asBoolean(false)))
                .allSatisfy(m -> assertThat(SpecDiff.OWN_RULES)
                        .containsKey(m.path("rule").asText()));
    }

    @Test
    void everyRuleTheReportKnowsIsOasdiffsAtOasdiffsLevelOrMarkedAsOurs() throws IOException {
        Map<String, Level> oasdiff = oasdiffRules();
        List<String> wrong = new java.util.ArrayList<>();
        SpecDiff.RULES.forEach((rule, level) -> {
            if (SpecDiff.OWN_RULES.containsKey(rule) ? oasdiff.containsKey(rule) : oasdiff.get(rule) != level) {
                wrong.add(rule + " " + level + " (oasdiff: " + oasdiff.get(rule) + ")");
            }
        });
        assertThat(wrong)
                .as("rules that are not oasdiff's at oasdiff's level, nor marked as ours")
                .isEmpty();
        assertThat(SpecDiff.RULES).containsKeys(SpecDiff.OWN_RULES.keySet().toArray(String[]::new));
    }

    private static List<Change> diff(JsonNode mutation) {
        String spec = mutation.path("spec").asText();
        JsonNode base = SpecFiles.read(SpecFiles.EFFECTIVE.resolve(spec));
        if (mutation.has("given")) {
            base = OverlayApplier.apply(base, overlay(mutation.get("given")), "given");
        }
        JsonNode revision = OverlayApplier.apply(base, overlay(mutation.get("change")), "change");
        return SpecDiff.compare("specs/" + spec, base, revision);
    }

    private static JsonNode overlay(JsonNode actions) {
        ObjectNode overlay = SpecFiles.YAML.createObjectNode();
        overlay.put("overlay", "1.0.0");
        overlay.putObject("info").put("title", "mutation").put("version", "1");
        overlay.set("actions", actions);
        return overlay;
    }

    private static Map<String, Level> oasdiffRules() throws IOException {
        Map<String, Level> rules = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RESOURCES.resolve("oasdiff-rules.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t");
                rules.put(parts[0], Level.valueOf(parts[1]));
            }
        }
        return rules;
    }
}
