package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.SpecDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff on small documents: what it reports, under which oasdiff rule, and what it calls breaking. */
class SpecDiffTests {

    static final String BASE = """
            openapi: 3.1.0
            paths:
              /things/{id}:
                get:
                  parameters:
                    - {in: path, name: id, required: true, schema: {type: string}}
                    - {in: query, name: page, schema: {type: integer}}
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                    '404': {description: gone}
                put:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            size: {type: number}
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: {type: string}
                    kind: {type: string, enum: [A, B]}
                    expiresAt: {type: [string, 'null']}
            """;

    @Test
    void identicalDocumentsHaveNoChanges() {
        assertThat(diff(BASE, BASE)).isEmpty();
    }

    @Test
    void aRemovedResponseFieldIsBreakingAndNamed() {
        List<Change> changes = diff(BASE, BASE.replace("        expiresAt: {type: [string, 'null']}\n", ""));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.breaking()).isTrue();
            assertThat(c.id())
                    .isEqualTo("response-optional-property-removed GET /things/{id} 200 response application/json"
                            + " $.expiresAt");
            assertThat(c.level()).isEqualTo(SpecDiff.Level.WARN);
        });
    }

    @Test
    void aRemovedOperationIsBreaking() {
        String withoutPut = BASE.substring(0, BASE.indexOf("    put:")) + BASE.substring(BASE.indexOf("components:"));
        assertThat(diff(BASE, withoutPut))
                .extracting(Change::id, Change::breaking)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("api-removed-without-deprecation PUT /things/{id}", true));
    }

    @Test
    void additionsAreCompatibleExceptRequiredInputsAndNewResponseEnumValues() {
        String added = BASE.replace("enum: [A, B]", "enum: [A, B, C]")
                .replace("        id: {type: string}\n", "        id: {type: string}\n        name: {type: string}\n")
                .replace(
                        "- {in: query, name: page, schema: {type: integer}}",
                        "- {in: query, name: page, schema: {type: integer}}\n"
                                + "        - {in: query, name: tenant, required: true, schema: {type: string}}");
        assertThat(diff(BASE, added))
                .extracting(Change::id, Change::breaking)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "new-required-request-parameter GET /things/{id} query:tenant", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "response-optional-property-added GET /things/{id} 200 response application/json $.name",
                                false),
                        org.assertj.core.groups.Tuple.tuple(
                                "response-property-enum-value-added GET /things/{id} 200 response application/json"
                                        + " $.kind C",
                                true));
    }

    @Test
    void typeChangesOfInputsAreBreakingUnlessWidened() {
        assertThat(diff(BASE, BASE.replace("size: {type: number}", "size: {type: [number, 'null']}")))
                .singleElement()
                .satisfies(c -> assertThat(c.breaking()).isFalse());
        assertThat(diff(BASE, BASE.replace("size: {type: number}", "size: {type: string}")))
                .singleElement()
                .satisfies(c -> assertThat(c.breaking()).isTrue());
    }

    @Test
    void aRemovedSuccessStatusIsBreakingAnErrorStatusIsNot() {
        assertThat(diff(BASE, BASE.replace("'404': {description: gone}", "")))
                .singleElement()
                .satisfies(c -> assertThat(c.breaking()).isFalse());
    }

    @Test
    void aRenamedPathVariableIsTheSameOperationWithTheSameUrls() {
        String renamed = BASE.replace("/things/{id}:", "/things/{thingId}:")
                .replace("{in: path, name: id,", "{in: path, name: thingId,");
        assertThat(diff(BASE, renamed))
                .extracting(Change::rule, Change::breaking)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("request-path-parameter-renamed", false));
    }

    @Test
    void everyChangeNamesItsRule() {
        assertThat(diff(BASE, BASE.replace("size: {type: number}", "size: {type: number, maximum: 10}")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.rule()).isEqualTo("request-property-max-set");
                    assertThat(c.description()).endsWith("[request-property-max-set]");
                    assertThat(c.level()).isEqualTo(SpecDiff.Level.WARN);
                });
    }

    private static List<Change> diff(String before, String after) {
        JsonNode a = SpecFiles.parse(before);
        JsonNode b = SpecFiles.parse(after);
        return SpecDiff.compare("test.yaml", a, b);
    }
}
