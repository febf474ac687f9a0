package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * owner.yaml's {@code OwnedShareLink} is the Anam {@code ShareLink} plus {@code lastUsedAt}, {@code launchUrl} and
 * {@code publicUrl}. It is a copy, not a
 * cross-file {@code $ref}: a reference into the vendor's document would make the generators emit a second
 * {@code ShareLink} model into the owner packages, and the specs' checks resolve local references only. This test
 * keeps the copy true: same properties, same order, same types and formats (descriptions may differ).
 */
class OwnedShareLinkSchemaTests {

    @Test
    void theOwnersLinkIsTheVendorsLinkPlusWhatOnlyTheOwnerSees() {
        JsonNode vendor = schema("anam/share-links.yaml", "ShareLink").path("properties");
        JsonNode owned = schema("sharelinks/owner.yaml", "OwnedShareLink").path("properties");

        List<String> expected = new ArrayList<>();
        vendor.fieldNames().forEachRemaining(expected::add);
        expected.addAll(List.of("lastUsedAt", "launchUrl", "publicUrl"));
        List<String> actual = new ArrayList<>();
        owned.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).isEqualTo(expected);

        vendor.fieldNames()
                .forEachRemaining(name -> assertThat(withoutDescriptions(owned.get(name)))
                        .as(name)
                        .isEqualTo(withoutDescriptions(vendor.get(name))));
    }

    private static JsonNode schema(String file, String name) {
        return SpecFiles.read(SpecFiles.EFFECTIVE.resolve(file))
                .path("components")
                .path("schemas")
                .path(name);
    }

    private static JsonNode withoutDescriptions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("description");
            object.fields()
                    .forEachRemaining(field -> object.set(field.getKey(), withoutDescriptions(field.getValue())));
        }
        return copy;
    }
}
