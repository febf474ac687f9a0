package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies an OpenAPI Overlay (Overlay Specification 1.0.0; the merge rules as 1.1.0 words them, which 1.0.0
 * implies) to a document: each action's {@code target} JSONPath (Jayway JsonPath) selects nodes, {@code remove:
 * true} removes them from their parent, otherwise {@code update} is merged into each — objects recursively,
 * arrays concatenated, primitives replaced; into a selected array it is appended. Actions run in order.
 *
 * <p>One rule is stricter than the specification, on purpose: an action whose target matches nothing fails
 * (the specification lets it pass), because here it means the vendor moved something we extend.
 */
public final class OverlayApplier {

    /** An overlay that cannot be applied; the message names the action. */
    public static final class OverlayException extends RuntimeException {
        OverlayException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Configuration PATHS = Configuration.builder()
            .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    private OverlayApplier() {}

    /** The document with the overlay applied (the document given is left as it is). */
    public static JsonNode apply(JsonNode document, JsonNode overlay, String overlayName) {
        validate(overlay, overlayName);
        JsonNode result = document.deepCopy();
        int index = 0;
        for (JsonNode action : overlay.path("actions")) {
            index++;
            String name =
                    "overlay action '" + action.path("description").asText("#" + index) + "' (" + overlayName + ")";
            result = applyAction(result, action, name);
        }
        return result;
    }

    private static void validate(JsonNode overlay, String overlayName) {
        String version = overlay.path("overlay").asText("");
        if (!version.matches("1\\.[01]\\.\\d+")) {
            throw new OverlayException(
                    overlayName + ": 'overlay' must be a 1.0.x (or 1.1.x) version, is '" + version + "'");
        }
        if (!overlay.path("info").path("title").isTextual()
                || !overlay.path("info").path("version").isTextual()) {
            throw new OverlayException(overlayName + ": 'info' needs a 'title' and a 'version'");
        }
        if (!overlay.path("actions").isArray() || overlay.path("actions").isEmpty()) {
            throw new OverlayException(overlayName + ": 'actions' must list at least one action");
        }
        for (JsonNode action : overlay.path("actions")) {
            if (!action.path("target").asText("").startsWith("$")) {
                throw new OverlayException(overlayName + ": every action needs a 'target' JSONPath starting with $");
            }
            if (action.has("copy")) {
                throw new OverlayException(overlayName + ": 'copy' (Overlay 1.1) is not supported here");
            }
        }
    }

    private static JsonNode applyAction(JsonNode document, JsonNode action, String name) {
        String target = action.get("target").asText();
        List<List<Object>> matches = select(document, target, name);
        if (matches.isEmpty()) {
            throw new OverlayException(name + " targets " + target + " and matched nothing");
        }
        if (action.path("remove").asBoolean(false)) {
            // the last array index first, so that earlier indices stay valid
            matches.sort(Comparator.comparing(
                            (List<Object> p) -> p.isEmpty() || !(p.get(p.size() - 1) instanceof Integer)
                                    ? -1
                                    : (Integer) p.get(p.size() - 1))
                    .reversed());
            for (List<Object> path : matches) {
                if (path.isEmpty()) {
                    throw new OverlayException(name + ": the document root cannot be removed");
                }
                JsonNode parent = at(document, path.subList(0, path.size() - 1));
                Object last = path.get(path.size() - 1);
                if (parent instanceof ObjectNode object) {
                    object.remove((String) last);
                } else if (parent instanceof ArrayNode array) {
                    array.remove((Integer) last);
                }
            }
            return document;
        }
        if (!action.has("update")) {
            return document;
        }
        JsonNode update = action.get("update");
        for (List<Object> path : matches) {
            JsonNode node = at(document, path);
            if (node instanceof ObjectNode object) {
                if (!update.isObject()) {
                    throw new OverlayException(name + ": " + target + " selects an object; 'update' must be one");
                }
                merge(object, update, name);
            } else if (node instanceof ArrayNode array) {
                if (update.isArray()) {
                    update.forEach(item -> array.add(item.deepCopy()));
                } else {
                    array.add(update.deepCopy());
                }
            } else if (update.isValueNode()) {
                document = replace(document, path, update.deepCopy());
            } else {
                throw new OverlayException(
                        name + ": " + target + " selects a primitive value; 'update' must be one too");
            }
        }
        return document;
    }

    private static void merge(ObjectNode target, JsonNode update, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = update.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing == null) {
                target.set(field.getKey(), value.deepCopy());
            } else if (existing instanceof ObjectNode object && value.isObject()) {
                merge(object, value, name);
            } else if (existing instanceof ArrayNode array && value.isArray()) {
                value.forEach(item -> array.add(item.deepCopy()));
            } else if (existing.isValueNode() && value.isValueNode()) {
                target.set(field.getKey(), value.deepCopy());
            } else {
                throw new OverlayException(name + ": '" + field.getKey() + "' is " + kind(existing)
                        + " in the document and " + kind(value) + " in the update; they cannot be merged");
            }
        }
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : "a value";
    }

    private static JsonNode replace(JsonNode document, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = at(document, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
        return document;
    }

    /** The paths (keys and indices from the root) of the nodes a JSONPath selects. */
    private static List<List<Object>> select(JsonNode document, String target, String name) {
        JsonPath path;
        try {
            path = JsonPath.compile(jayway(target));
        } catch (InvalidPathException e) {
            throw new OverlayException(name + ": target " + target + " is not a valid JSONPath: " + e.getMessage());
        }
        Object plain = PLAIN.convertValue(document, Object.class);
        List<?> found = path.read(plain, PATHS);
        List<List<Object>> paths = new ArrayList<>();
        if (found != null) {
            for (Object each : found) {
                paths.add(segments(each.toString()));
            }
        }
        return paths;
    }

    /**
     * The target as Jayway reads it. A filter selector selects the <em>children</em> of the node before it that pass
     * (RFC 9535, as the Overlay specification's examples use it: {@code ..properties[?(@.type == 'string')]}); Jayway
     * tests an object itself instead. Its wildcard first ({@code .*[?(...)]}) gives the RFC's meaning for objects and
     * arrays alike.
     */
    static String jayway(String target) {
        return target.replaceAll("(?<![*.])\\[\\?", ".*[?");
    }

    /** {@code $['paths']['/a'][0]} (Jayway's normalised path) as ["paths", "/a", 0]. */
    static List<Object> segments(String normalised) {
        List<Object> segments = new ArrayList<>();
        int i = 1; // after '$'
        while (i < normalised.length()) {
            if (normalised.charAt(i) != '[') {
                throw new IllegalArgumentException("Unexpected path " + normalised);
            }
            i++;
            if (normalised.charAt(i) == '\'') {
                StringBuilder key = new StringBuilder();
                i++;
                while (normalised.charAt(i) != '\'') {
                    if (normalised.charAt(i) == '\\') {
                        i++;
                    }
                    key.append(normalised.charAt(i++));
                }
                segments.add(key.toString());
                i += 2; // past "']"
            } else {
                int end = normalised.indexOf(']', i);
                segments.add(Integer.parseInt(normalised.substring(i, end)));
                i = end + 1;
            }
        }
        return segments;
    }

    private static JsonNode at(JsonNode document, List<Object> path) {
        JsonNode node = document;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }
}
