package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The overlay applier against the Overlay Specification's own compliant sets, and our stricter rule. */
class OverlayApplierTests {

    static final Path SETS = Path.of("src/test/resources/overlay-compliant-sets");

    static Stream<String> compliantSets() throws IOException {
        try (Stream<Path> dirs = Files.list(SETS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compliantSets")
    void givesTheSpecificationsOwnOutput(String set) {
        Path dir = SETS.resolve(set);
        JsonNode output = OverlayApplier.apply(
                SpecFiles.read(dir.resolve("openapi.yaml")), SpecFiles.read(dir.resolve("overlay.yaml")), set);
        assertThat(output).isEqualTo(SpecFiles.read(dir.resolve("output.yaml")));
    }

    @Test
    void anActionThatMatchesNothingFailsByName() {
        JsonNode overlay = SpecFiles.parse("""
                overlay: 1.0.0
                info: {title: t, version: '1'}
                actions:
                  - target: $.paths['/v1/share-links'].post.responses
                    description: document 404 on create
                    update: {'404': {description: Not Found}}
                """);
        assertThatThrownBy(() -> OverlayApplier.apply(SpecFiles.parse("paths: {}"), overlay, "anam/overlay.yaml"))
                .isInstanceOf(OverlayApplier.OverlayException.class)
                .hasMessage("overlay action 'document 404 on create' (anam/overlay.yaml) targets"
                        + " $.paths['/v1/share-links'].post.responses and matched nothing");
    }

    @Test
    void mergesObjectsRecursivelyConcatenatesArraysAndAppendsToATargetArray() {
        JsonNode document = SpecFiles.parse("""
                info: {title: a, x-list: [1]}
                tags: [{name: A}]
                """);
        JsonNode overlay = SpecFiles.parse("""
                overlay: 1.0.0
                info: {title: t, version: '1'}
                actions:
                  - target: $.info
                    update: {title: b, x-list: [2], contact: {name: us}}
                  - target: $.tags
                    update: {name: B}
                """);
        assertThat(OverlayApplier.apply(document, overlay, "o")).isEqualTo(SpecFiles.parse("""
                        info: {title: b, x-list: [1, 2], contact: {name: us}}
                        tags: [{name: A}, {name: B}]
                        """));
        assertThat(document.at("/info/title").asText())
                .as("the input is left alone")
                .isEqualTo("a");
    }

    @Test
    void refusesWhatItCannotApply() {
        JsonNode document = SpecFiles.parse("info: {title: a}");
        assertThatThrownBy(() -> OverlayApplier.apply(document, SpecFiles.parse("""
                                overlay: 1.0.0
                                info: {title: t, version: '1'}
                                actions: [{target: $.info, description: make title an object, update: {title: {x: 1}}}]
                                """), "o"))
                .hasMessageContaining("'make title an object'")
                .hasMessageContaining("cannot be merged");
        assertThatThrownBy(() -> OverlayApplier.apply(
                        document, SpecFiles.parse("overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: []"), "o"))
                .hasMessageContaining("'overlay' must be a 1.0.x");
        assertThatThrownBy(() -> OverlayApplier.apply(
                        document,
                        SpecFiles.parse("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: '$[?('}]"),
                        "o"))
                .hasMessageContaining("is not a valid JSONPath");
    }

    @Test
    void theRealOverlaysApplyAndLeaveTheVendorsDocumentsAsTheyAre() throws IOException {
        for (EffectiveSpecs.Vendor vendor : EffectiveSpecs.VENDORS) {
            Path room = SpecFiles.SPECS.resolve(vendor.name());
            JsonNode effective = EffectiveSpecs.effective(room);
            JsonNode merged = EffectiveSpecs.merge(EffectiveSpecs.vendorDocuments(room.resolve("vendor")));
            assertThat(effective).isNotEqualTo(merged);
            assertThat(effective.at("/info/description").asText()).contains("this service");
            assertThat(SpecFiles.read(SpecFiles.EFFECTIVE.resolve(vendor.effective())))
                    .as("the build wrote what the overlay gives")
                    .isEqualTo(effective);
        }
    }
}
