package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.SpecFiles.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of an OpenAPI 3.1 document, as an existing client sees it, judged by oasdiff's
 * rules (github.com/oasdiff/oasdiff, checker/rules.go): each change names the oasdiff rule it is and carries that
 * rule's level — ERR (breaks clients), WARN (may break them), INFO (compatible, reported). A few changes oasdiff
 * has no rule for are judged by rules of ours ({@link #OWN_RULES}). Written here because no maintained Java differ
 * reads 3.1 type arrays correctly and oasdiff is a Go binary.
 */
public final class SpecDiff {

    /** oasdiff's levels. */
    public enum Level {
        ERR,
        WARN,
        INFO
    }

    /** One change. {@code id} is stable (rule and place), so a breaking change can be acknowledged by listing it. */
    public record Change(String rule, Level level, String id, String description) {

        /** ERR and WARN fail the build until acknowledged (oasdiff's {@code breaking --fail-on WARN}). */
        public boolean breaking() {
            return level != Level.INFO;
        }
    }

    /** Every rule this differ reports, with oasdiff's level for it (ours where oasdiff has none). */
    static final Map<String, Level> RULES = new LinkedHashMap<>();

    /** Rules oasdiff does not have; their levels are ours, and say why. */
    static final Map<String, String> OWN_RULES = Map.of(
            "api-security-component-header-name-changed",
            "an apiKey scheme's header renamed: every client still sends the old header",
            "api-security-component-location-changed",
            "an apiKey scheme moved (header, query, cookie): every client still sends it where it was",
            "request-property-additional-properties-closed",
            "a request object that allowed more properties now refuses them",
            "request-property-additional-properties-opened",
            "a request object allows more properties than before",
            "response-property-additional-properties-opened",
            "a response object may carry properties a strict client refuses",
            "response-property-additional-properties-closed",
            "a response object carries no more properties than it declares",
            "request-parameter-style-changed",
            "a parameter is serialised differently: old clients send the old form",
            "request-parameter-explode-changed",
            "an array or object parameter is serialised differently: old clients send the old form",
            "request-path-parameter-renamed",
            "the same path with a renamed variable: the URLs clients send are unchanged");

    static {
        for (String rule : List.of(
                "api-removed-without-deprecation",
                "request-body-added-required",
                "request-body-became-required",
                "request-body-removed",
                "request-body-media-type-removed",
                "response-media-type-removed",
                "response-success-status-removed",
                "new-required-request-parameter",
                "new-request-path-parameter",
                "request-parameter-became-required",
                "new-required-request-property",
                "request-property-became-required",
                "response-property-became-optional",
                "response-required-property-removed",
                "required-response-header-removed",
                "response-header-became-optional",
                "response-header-type-changed",
                "response-header-became-nullable")) {
            RULES.put(rule, Level.ERR);
        }
        for (String rule : List.of(
                "request-parameter-removed",
                "request-property-removed",
                "response-optional-property-removed",
                "optional-response-header-removed",
                "response-required-property-became-not-write-only")) {
            RULES.put(rule, Level.WARN);
        }
        for (String rule : List.of(
                "endpoint-added",
                "endpoint-deprecated",
                "endpoint-reactivated",
                "api-removed-with-deprecation",
                "api-operation-id-removed",
                "api-operation-id-added",
                "api-tag-added",
                "api-tag-removed",
                "api-security-added",
                "api-security-removed",
                "api-global-security-added",
                "api-global-security-removed",
                "api-security-component-added",
                "api-security-component-removed",
                "api-security-component-type-changed",
                "request-body-added-optional",
                "request-body-became-optional",
                "request-body-media-type-added",
                "response-media-type-added",
                "response-success-status-added",
                "response-non-success-status-added",
                "response-non-success-status-removed",
                "new-optional-request-parameter",
                "request-parameter-became-optional",
                "request-parameter-deprecated",
                "new-optional-request-property",
                "request-property-became-optional",
                "request-property-deprecated",
                "response-property-deprecated",
                "response-optional-property-added",
                "response-required-property-added",
                "response-property-became-required",
                "response-optional-write-only-property-removed",
                "response-required-write-only-property-removed",
                "response-header-added",
                "response-header-became-not-nullable")) {
            RULES.put(rule, Level.INFO);
        }
        // the schema rules, per prefix: request-body, request-property, request-parameter, response-body,
        // response-property (oasdiff has each of these for every prefix that follows)
        for (String request : List.of("request-body", "request-property", "request-parameter")) {
            put(request, "type-changed", Level.ERR);
            put(request, "type-generalized", Level.INFO);
            put(request, "became-not-nullable", Level.ERR);
            put(request, "became-nullable", Level.INFO);
            put(request, "enum-value-removed", Level.ERR);
            put(request, "became-enum", Level.ERR);
            put(request, "max-length-decreased", Level.ERR);
            put(request, "max-length-increased", Level.INFO);
            put(request, "max-length-set", Level.WARN);
            put(request, "min-length-increased", Level.ERR);
            put(request, "min-length-decreased", Level.INFO);
            put(request, "max-decreased", Level.ERR);
            put(request, "max-increased", Level.INFO);
            put(request, "max-set", Level.WARN);
            put(request, "min-increased", Level.ERR);
            put(request, "min-decreased", Level.INFO);
            put(request, "min-set", Level.WARN);
            put(request, "exclusive-max-decreased", Level.ERR);
            put(request, "exclusive-max-increased", Level.INFO);
            put(request, "exclusive-max-set", Level.WARN);
            put(request, "exclusive-min-increased", Level.ERR);
            put(request, "exclusive-min-decreased", Level.INFO);
            put(request, "exclusive-min-set", Level.WARN);
            put(request, "min-items-increased", Level.ERR);
            put(request, "min-items-set", Level.WARN);
        }
        for (String request : List.of("request-property", "request-parameter")) {
            put(request, "pattern-added", Level.ERR);
            put(request, "pattern-removed", Level.INFO);
            put(request, "pattern-changed", Level.WARN);
        }
        put("request-parameter", "enum-value-added", Level.INFO);
        put("request-property", "enum-value-added", Level.INFO);
        put("request-parameter", "max-items-decreased", Level.ERR);
        put("request-parameter", "max-items-increased", Level.INFO);
        put("request-parameter", "min-items-decreased", Level.INFO);
        put("request-parameter", "default-value-changed", Level.ERR);
        put("request-parameter", "default-value-added", Level.ERR);
        put("request-parameter", "default-value-removed", Level.ERR);
        for (String info : List.of("request-body", "request-property", "response-body", "response-property")) {
            put(info, "default-value-changed", Level.INFO);
            put(info, "default-value-added", Level.INFO);
            put(info, "default-value-removed", Level.INFO);
        }
        for (String request : List.of("request-body", "request-property")) {
            put(request, "one-of-added", Level.INFO);
            put(request, "one-of-removed", Level.ERR);
            put(request, "any-of-added", Level.INFO);
            put(request, "any-of-removed", Level.ERR);
            put(request, "all-of-added", Level.ERR);
            put(request, "all-of-removed", Level.WARN);
        }
        for (String response : List.of("response-body", "response-property")) {
            put(response, "type-changed", Level.ERR);
            put(response, "type-generalized", Level.ERR);
            put(response, "type-specialized", Level.INFO);
            put(response, "became-nullable", Level.ERR);
            put(response, "became-not-nullable", Level.INFO);
            put(response, "max-increased", Level.ERR);
            put(response, "exclusive-max-increased", Level.ERR);
            put(response, "max-length-increased", Level.ERR);
            put(response, "max-length-unset", Level.ERR);
            put(response, "min-decreased", Level.ERR);
            put(response, "exclusive-min-decreased", Level.ERR);
            put(response, "min-items-decreased", Level.ERR);
            put(response, "min-items-unset", Level.ERR);
            put(response, "min-length-decreased", Level.ERR);
            put(response, "one-of-added", Level.ERR);
            put(response, "one-of-removed", Level.INFO);
            put(response, "any-of-added", Level.INFO);
            put(response, "any-of-removed", Level.INFO);
            put(response, "all-of-added", Level.INFO);
            put(response, "all-of-removed", Level.INFO);
        }
        RULES.put("response-property-enum-value-added", Level.WARN);
        RULES.put("response-property-enum-value-removed", Level.INFO);
        RULES.put("response-property-pattern-added", Level.INFO);
        RULES.put("response-property-pattern-changed", Level.INFO);
        RULES.put("response-property-pattern-removed", Level.INFO);
        for (String kind : List.of("required", "optional")) {
            for (String became : List.of("read-only", "not-read-only", "write-only", "not-write-only")) {
                RULES.put("request-" + kind + "-property-became-" + became, Level.INFO);
                RULES.putIfAbsent("response-" + kind + "-property-became-" + became, Level.INFO);
            }
        }
        RULES.put("api-security-component-header-name-changed", Level.ERR);
        RULES.put("api-security-component-location-changed", Level.ERR);
        RULES.put("request-property-additional-properties-closed", Level.ERR);
        RULES.put("request-property-additional-properties-opened", Level.INFO);
        RULES.put("response-property-additional-properties-opened", Level.WARN);
        RULES.put("response-property-additional-properties-closed", Level.INFO);
        RULES.put("request-parameter-style-changed", Level.ERR);
        RULES.put("request-parameter-explode-changed", Level.ERR);
        RULES.put("request-path-parameter-renamed", Level.INFO);
    }

    private static void put(String prefix, String rule, Level level) {
        RULES.putIfAbsent(prefix + "-" + rule, level);
    }

    /** Where a schema is read, as oasdiff tells them apart. */
    private enum Direction {
        REQUEST,
        RESPONSE,
        PARAMETER
    }

    /** The two documents a schema comes from, and where it is. */
    private record Place(JsonNode before, JsonNode after, Direction direction, String where) {}

    private final List<Change> changes = new ArrayList<>();
    private final String spec;

    private SpecDiff(String spec) {
        this.spec = spec;
    }

    public static List<Change> compare(String spec, JsonNode before, JsonNode after) {
        SpecDiff diff = new SpecDiff(spec);
        Map<String, Operation> old = byKey(before);
        Map<String, Operation> now = byKey(after);
        for (Map.Entry<String, Operation> entry : old.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                boolean deprecated = entry.getValue().node().path("deprecated").asBoolean(false);
                diff.add(
                        deprecated ? "api-removed-with-deprecation" : "api-removed-without-deprecation",
                        entry.getValue().key(),
                        "operation " + entry.getValue().key() + " was removed"
                                + (deprecated ? " (it was deprecated)" : ""));
            }
        }
        for (Map.Entry<String, Operation> entry : now.entrySet()) {
            Operation previous = old.get(entry.getKey());
            if (previous == null) {
                diff.add(
                        "endpoint-added",
                        entry.getValue().key(),
                        "operation " + entry.getValue().key() + " was added");
            } else {
                diff.operation(previous, entry.getValue());
            }
        }
        diff.securitySchemes(before, after);
        diff.requirements("(all operations)", before.path("security"), after.path("security"), "api-global-security");
        return diff.changes;
    }

    private void operation(Operation before, Operation after) {
        String op = after.key();
        if (!before.path().equals(after.path())) {
            add("request-path-parameter-renamed", op, before.key() + " is now " + op + " (the same URLs)");
        }
        boolean wasDeprecated = before.node().path("deprecated").asBoolean(false);
        boolean isDeprecated = after.node().path("deprecated").asBoolean(false);
        if (!wasDeprecated && isDeprecated) {
            add("endpoint-deprecated", op, op + " is deprecated");
        } else if (wasDeprecated && !isDeprecated) {
            add("endpoint-reactivated", op, op + " is no longer deprecated");
        }
        String oldId = before.node().path("operationId").asText("");
        String newId = after.node().path("operationId").asText("");
        if (!oldId.equals(newId)) {
            add(
                    oldId.isEmpty() ? "api-operation-id-added" : "api-operation-id-removed",
                    op + " " + oldId + " " + newId,
                    op + " operationId changed from '" + oldId + "' to '" + newId + "'");
        }
        Set<String> oldTags = texts(before.node().path("tags"));
        Set<String> newTags = texts(after.node().path("tags"));
        oldTags.stream()
                .filter(t -> !newTags.contains(t))
                .forEach(t -> add("api-tag-removed", op + " " + t, op + " lost tag " + t));
        newTags.stream()
                .filter(t -> !oldTags.contains(t))
                .forEach(t -> add("api-tag-added", op + " " + t, op + " has a new tag " + t));
        requirements(op, before.node().path("security"), after.node().path("security"), "api-security");

        parameters(before, after);
        requestBody(before, after);
        responses(before, after);
    }

    private void parameters(Operation before, Operation after) {
        String op = after.key();
        Map<String, JsonNode> oldParams = parameterMap(before);
        Map<String, JsonNode> newParams = parameterMap(after);
        List<String> oldPath = pathVariables(before.path());
        List<String> newPath = pathVariables(after.path());
        for (Map.Entry<String, JsonNode> entry : oldParams.entrySet()) {
            String key = entry.getKey();
            JsonNode now = newParams.get(key);
            int position = oldPath.indexOf(key.startsWith("path:") ? key.substring(5) : "");
            if (now == null && position >= 0 && oldPath.size() == newPath.size()) {
                // a renamed path variable is the same parameter at the same position
                now = newParams.get("path:" + newPath.get(position));
            }
            if (now == null) {
                add("request-parameter-removed", op + " " + key, op + " no longer takes parameter " + key);
            } else {
                parameter(op, key, before.document(), after.document(), entry.getValue(), now);
            }
        }
        for (Map.Entry<String, JsonNode> entry : newParams.entrySet()) {
            String key = entry.getKey();
            int position = newPath.indexOf(key.startsWith("path:") ? key.substring(5) : "");
            boolean renamedPathVariable = position >= 0
                    && oldPath.size() == newPath.size()
                    && !oldParams.containsKey(key)
                    && oldParams.containsKey("path:" + oldPath.get(position));
            if (oldParams.containsKey(key) || renamedPathVariable) {
                continue;
            }
            boolean required = entry.getValue().path("required").asBoolean(false);
            String rule = key.startsWith("path:")
                    ? "new-request-path-parameter"
                    : required ? "new-required-request-parameter" : "new-optional-request-parameter";
            add(
                    rule,
                    op + " " + key,
                    op + " takes a new " + (required ? "required" : "optional") + " parameter " + key);
        }
    }

    private void parameter(
            String op, String key, JsonNode beforeDoc, JsonNode afterDoc, JsonNode before, JsonNode after) {
        String where = op + " parameter " + key;
        boolean wasRequired = before.path("required").asBoolean(false);
        boolean isRequired = after.path("required").asBoolean(false);
        if (!wasRequired && isRequired) {
            add("request-parameter-became-required", where, where + " is now required");
        } else if (wasRequired && !isRequired) {
            add("request-parameter-became-optional", where, where + " is now optional");
        }
        if (!before.path("deprecated").asBoolean(false)
                && after.path("deprecated").asBoolean(false)) {
            add("request-parameter-deprecated", where, where + " is deprecated");
        }
        String in = key.substring(0, key.indexOf(':'));
        if (!style(before, in).equals(style(after, in))) {
            add(
                    "request-parameter-style-changed",
                    where,
                    where + " style changed from " + style(before, in) + " to " + style(after, in));
        }
        if (explode(before, in) != explode(after, in)) {
            add("request-parameter-explode-changed", where, where + " explode changed to " + explode(after, in));
        }
        schema(
                new Place(beforeDoc, afterDoc, Direction.PARAMETER, where),
                "$",
                before.path("schema"),
                after.path("schema"),
                isRequired,
                0);
    }

    private void requestBody(Operation before, Operation after) {
        String op = after.key();
        JsonNode oldBody = SpecFiles.resolve(before.document(), before.node().path("requestBody"));
        JsonNode newBody = SpecFiles.resolve(after.document(), after.node().path("requestBody"));
        boolean hadBody = before.node().has("requestBody");
        boolean hasBody = after.node().has("requestBody");
        boolean wasRequired = oldBody.path("required").asBoolean(false);
        boolean isRequired = newBody.path("required").asBoolean(false);
        if (hadBody && !hasBody) {
            add("request-body-removed", op, op + " no longer takes a request body");
            return;
        }
        if (!hadBody && hasBody) {
            add(
                    isRequired ? "request-body-added-required" : "request-body-added-optional",
                    op,
                    op + " takes a new " + (isRequired ? "required" : "optional") + " request body");
            return;
        }
        if (!hasBody) {
            return;
        }
        if (!wasRequired && isRequired) {
            add("request-body-became-required", op, op + " now requires a request body");
        } else if (wasRequired && !isRequired) {
            add("request-body-became-optional", op, op + " no longer requires a request body");
        }
        Set<String> oldTypes = names(oldBody.path("content"));
        Set<String> newTypes = names(newBody.path("content"));
        for (String type : oldTypes) {
            if (!newTypes.contains(type)) {
                add("request-body-media-type-removed", op + " " + type, op + " no longer accepts " + type);
            } else {
                schema(
                        new Place(before.document(), after.document(), Direction.REQUEST, op + " request " + type),
                        "$",
                        oldBody.path("content").path(type).path("schema"),
                        newBody.path("content").path(type).path("schema"),
                        true,
                        0);
            }
        }
        newTypes.stream()
                .filter(t -> !oldTypes.contains(t))
                .forEach(t -> add("request-body-media-type-added", op + " " + t, op + " also accepts " + t));
    }

    private void responses(Operation before, Operation after) {
        String op = after.key();
        JsonNode oldResponses = before.node().path("responses");
        JsonNode newResponses = after.node().path("responses");
        for (String status : names(oldResponses)) {
            boolean success = status.startsWith("2");
            if (!newResponses.has(status)) {
                add(
                        success ? "response-success-status-removed" : "response-non-success-status-removed",
                        op + " " + status,
                        op + " no longer documents status " + status);
                continue;
            }
            JsonNode oldResponse = SpecFiles.resolve(before.document(), oldResponses.get(status));
            JsonNode newResponse = SpecFiles.resolve(after.document(), newResponses.get(status));
            String where = op + " " + status;
            headers(
                    where,
                    before.document(),
                    after.document(),
                    oldResponse.path("headers"),
                    newResponse.path("headers"));
            Set<String> oldTypes = names(oldResponse.path("content"));
            Set<String> newTypes = names(newResponse.path("content"));
            for (String type : oldTypes) {
                if (!newTypes.contains(type)) {
                    add("response-media-type-removed", where + " " + type, where + " no longer answers " + type);
                } else {
                    schema(
                            new Place(
                                    before.document(),
                                    after.document(),
                                    Direction.RESPONSE,
                                    where + " response " + type),
                            "$",
                            oldResponse.path("content").path(type).path("schema"),
                            newResponse.path("content").path(type).path("schema"),
                            true,
                            0);
                }
            }
            newTypes.stream()
                    .filter(t -> !oldTypes.contains(t))
                    .forEach(t -> add("response-media-type-added", where + " " + t, where + " may also answer " + t));
        }
        for (String status : names(newResponses)) {
            if (!oldResponses.has(status)) {
                add(
                        status.startsWith("2") ? "response-success-status-added" : "response-non-success-status-added",
                        op + " " + status,
                        op + " documents a new status " + status);
            }
        }
    }

    private void headers(String where, JsonNode beforeDoc, JsonNode afterDoc, JsonNode before, JsonNode after) {
        for (String name : names(before)) {
            JsonNode old = SpecFiles.resolve(beforeDoc, before.get(name));
            boolean required = old.path("required").asBoolean(false);
            if (!after.has(name)) {
                add(
                        required ? "required-response-header-removed" : "optional-response-header-removed",
                        where + " " + name,
                        where + " no longer sends header " + name);
                continue;
            }
            JsonNode now = SpecFiles.resolve(afterDoc, after.get(name));
            if (required && !now.path("required").asBoolean(false)) {
                add(
                        "response-header-became-optional",
                        where + " " + name,
                        where + " header " + name + " is now optional");
            }
            JsonNode oldSchema = SpecFiles.resolve(beforeDoc, old.path("schema"));
            JsonNode newSchema = SpecFiles.resolve(afterDoc, now.path("schema"));
            if (!withoutNull(types(oldSchema)).equals(withoutNull(types(newSchema)))
                    || !oldSchema
                            .path("format")
                            .asText("")
                            .equals(newSchema.path("format").asText(""))) {
                add("response-header-type-changed", where + " " + name, where + " header " + name + " changed type");
            }
            if (!nullable(oldSchema) && nullable(newSchema)) {
                add("response-header-became-nullable", where + " " + name, where + " header " + name + " may be null");
            } else if (nullable(oldSchema) && !nullable(newSchema)) {
                add(
                        "response-header-became-not-nullable",
                        where + " " + name,
                        where + " header " + name + " is never null");
            }
        }
        names(after).stream()
                .filter(name -> !before.has(name))
                .forEach(name ->
                        add("response-header-added", where + " " + name, where + " sends a new header " + name));
    }

    /** One schema against its earlier self: the schema rules, then its properties and items, recursively. */
    private void schema(Place place, String path, JsonNode rawBefore, JsonNode rawAfter, boolean required, int depth) {
        JsonNode before = SpecFiles.resolve(place.before(), rawBefore);
        JsonNode after = SpecFiles.resolve(place.after(), rawAfter);
        if (before == null || after == null || before.isMissingNode() || after.isMissingNode() || depth > 10) {
            return;
        }
        String prefix = prefix(place.direction(), path);
        String at = place.where() + " " + path;
        boolean request = place.direction() != Direction.RESPONSE;

        Flat old = flatten(place.before(), before);
        Flat now = flatten(place.after(), after);

        types(prefix, at, old, now, request);
        if (!old.nullable && now.nullable) {
            add(prefix + "-became-nullable", at, at + " may now be null");
        } else if (old.nullable && !now.nullable) {
            add(prefix + "-became-not-nullable", at, at + " may no longer be null");
        }
        enums(prefix, at, old.enumValues, now.enumValues, request);
        if (!Objects.equals(old.defaultValue, now.defaultValue)) {
            String rule = old.defaultValue == null
                    ? "default-value-added"
                    : now.defaultValue == null ? "default-value-removed" : "default-value-changed";
            add(prefix + "-" + rule, at, at + " default changed from " + old.defaultValue + " to " + now.defaultValue);
        }
        constraints(prefix, at, before, after, request);
        if (!before.path("deprecated").asBoolean(false)
                && after.path("deprecated").asBoolean(false)) {
            add(
                    place.direction() == Direction.RESPONSE
                            ? "response-property-deprecated"
                            : "request-property-deprecated",
                    at,
                    at + " is deprecated");
        }
        composition(prefix, at, place, before, after);
        additionalProperties(place.direction(), at, old, now);

        for (Map.Entry<String, JsonNode> property : old.properties.entrySet()) {
            String name = property.getKey();
            String child = path + "." + name;
            String childAt = place.where() + " " + child;
            JsonNode oldChild = SpecFiles.resolve(place.before(), property.getValue());
            boolean wasRequired = old.required.contains(name);
            JsonNode newChild = now.properties.get(name);
            if (newChild == null) {
                if (place.direction() == Direction.RESPONSE) {
                    boolean writeOnly = oldChild.path("writeOnly").asBoolean(false);
                    add(
                            "response-" + (wasRequired ? "required" : "optional") + (writeOnly ? "-write-only" : "")
                                    + "-property-removed",
                            childAt,
                            childAt + " is no longer in the response");
                } else {
                    add("request-property-removed", childAt, childAt + " is no longer in the request");
                }
                continue;
            }
            boolean isRequired = now.required.contains(name);
            JsonNode resolvedNew = SpecFiles.resolve(place.after(), newChild);
            if (place.direction() == Direction.RESPONSE) {
                if (wasRequired && !isRequired) {
                    add("response-property-became-optional", childAt, childAt + " may now be missing");
                } else if (!wasRequired && isRequired) {
                    add("response-property-became-required", childAt, childAt + " is now always there");
                }
            } else if (!wasRequired && isRequired) {
                add("request-property-became-required", childAt, childAt + " is now required");
            } else if (wasRequired && !isRequired) {
                add("request-property-became-optional", childAt, childAt + " is now optional");
            }
            mutability(place.direction(), childAt, isRequired, oldChild, resolvedNew);
            schema(place, child, property.getValue(), newChild, isRequired, depth + 1);
        }
        for (Map.Entry<String, JsonNode> property : now.properties.entrySet()) {
            String name = property.getKey();
            if (old.properties.containsKey(name)) {
                continue;
            }
            String childAt = place.where() + " " + path + "." + name;
            boolean isRequired = now.required.contains(name);
            if (place.direction() == Direction.RESPONSE) {
                add(
                        isRequired ? "response-required-property-added" : "response-optional-property-added",
                        childAt,
                        childAt + " is new in the response");
            } else {
                add(
                        isRequired ? "new-required-request-property" : "new-optional-request-property",
                        childAt,
                        childAt + " is a new " + (isRequired ? "required" : "optional") + " request field");
            }
        }
        if (before.has("items") || after.has("items")) {
            schema(place, path + "[]", before.path("items"), after.path("items"), true, depth + 1);
        }
    }

    /**
     * Type and format together, as oasdiff judges them (checker/check_types.go): a request may widen (integer ->
     * number, a format removed, date -> date-time, int32 -> int64); a response may narrow; anything else changes the
     * type. A format added to a response narrows it; one removed from a response is a change.
     */
    private void types(String prefix, String at, Flat old, Flat now, boolean request) {
        Set<String> before = withoutNull(old.types);
        Set<String> after = withoutNull(now.types);
        boolean typesDiffer = !before.equals(after);
        boolean formatsDiffer = !Objects.equals(old.format, now.format);
        if (!typesDiffer && !formatsDiffer) {
            return;
        }
        String rule;
        if (request) {
            boolean typeBreaking = typesDiffer && !after.isEmpty() && !covers(after, before);
            boolean formatBreaking = formatsDiffer && !formatContains(after, now.format, old.format);
            rule = typeBreaking || formatBreaking ? "type-changed" : "type-generalized";
        } else {
            boolean narrowed = typesDiffer && !after.isEmpty() && covers(before, after);
            boolean typeBreaking = typesDiffer && !before.isEmpty() && !narrowed;
            boolean formatBreaking = formatsDiffer && !formatContains(before, old.format, now.format);
            boolean widened = typesDiffer && !before.isEmpty() && covers(after, before);
            rule = typeBreaking || formatBreaking ? widened ? "type-generalized" : "type-changed" : "type-specialized";
        }
        add(
                prefix + "-" + rule,
                at,
                at + " changed type/format from " + describe(before, old.format) + " to "
                        + describe(after, now.format));
    }

    /** Does every type of {@code sub} fit one of {@code sup} (integer fits number)? */
    private static boolean covers(Set<String> sup, Set<String> sub) {
        return !sub.isEmpty()
                && sub.stream().allMatch(t -> sup.contains(t) || (t.equals("integer") && sup.contains("number")));
    }

    /** oasdiff's isFormatContained: does format {@code to} accept every value of format {@code from}? */
    private static boolean formatContains(Set<String> types, String to, String from) {
        if (to == null) {
            return true;
        }
        if (types.size() != 1) {
            return false;
        }
        return switch (types.iterator().next()) {
            case "number" -> to.equals("double") && "float".equals(from);
            case "integer" ->
                (to.equals("int64") && "int32".equals(from))
                        || (to.equals("bigint") && ("int32".equals(from) || "int64".equals(from)));
            case "string" -> to.equals("date-time") && ("date".equals(from) || "time".equals(from));
            default -> false;
        };
    }

    private static String describe(Set<String> types, String format) {
        return String.join("|", types) + (format == null ? "" : "/" + format);
    }

    private void enums(String prefix, String at, Set<String> before, Set<String> after, boolean request) {
        if (before.isEmpty() && !after.isEmpty()) {
            if (request) {
                constraint(prefix + "-became-enum", at, at + " now allows only " + after);
            }
            return;
        }
        if (after.isEmpty()) {
            return;
        }
        for (String value : before) {
            if (!after.contains(value)) {
                constraint(prefix + "-enum-value-removed", at + " " + value, at + " no longer has value " + value);
            }
        }
        for (String value : after) {
            if (!before.contains(value)) {
                constraint(prefix + "-enum-value-added", at + " " + value, at + " has a new value " + value);
            }
        }
    }

    private void constraints(String prefix, String at, JsonNode before, JsonNode after, boolean request) {
        upper(prefix, at, "maxLength", "max-length", before, after, request);
        upper(prefix, at, "maximum", "max", before, after, request);
        upper(prefix, at, "exclusiveMaximum", "exclusive-max", before, after, request);
        upper(prefix, at, "maxItems", "max-items", before, after, request);
        lower(prefix, at, "minLength", "min-length", before, after, request);
        lower(prefix, at, "minimum", "min", before, after, request);
        lower(prefix, at, "exclusiveMinimum", "exclusive-min", before, after, request);
        lower(prefix, at, "minItems", "min-items", before, after, request);
        String oldPattern = before.path("pattern").asText(null);
        String newPattern = after.path("pattern").asText(null);
        if (!Objects.equals(oldPattern, newPattern)) {
            String rule =
                    oldPattern == null ? "pattern-added" : newPattern == null ? "pattern-removed" : "pattern-changed";
            constraint(
                    request ? prefix + "-" + rule : "response-property-" + rule,
                    at,
                    at + " pattern changed from " + oldPattern + " to " + newPattern);
        }
    }

    /** An upper bound: lower is tighter. */
    private void upper(
            String prefix, String at, String keyword, String rule, JsonNode before, JsonNode after, boolean request) {
        Double old = number(before, keyword);
        Double now = number(after, keyword);
        if (Objects.equals(old, now)) {
            return;
        }
        String what = at + " " + keyword + " changed from " + text(old) + " to " + text(now);
        if (request) {
            if (old == null) {
                constraint(prefix + "-" + rule + "-set", at, what);
            } else if (now == null || now > old) {
                constraint(prefix + "-" + rule + "-increased", at, what);
            } else {
                constraint(prefix + "-" + rule + "-decreased", at, what);
            }
        } else if (now == null && old != null) {
            constraint(prefix + "-" + rule + "-unset", at, what);
        } else if (old != null && now > old) {
            constraint(prefix + "-" + rule + "-increased", at, what);
        }
    }

    /** A lower bound: higher is tighter. */
    private void lower(
            String prefix, String at, String keyword, String rule, JsonNode before, JsonNode after, boolean request) {
        Double old = number(before, keyword);
        Double now = number(after, keyword);
        if (Objects.equals(old, now)) {
            return;
        }
        String what = at + " " + keyword + " changed from " + text(old) + " to " + text(now);
        if (request) {
            if (old == null) {
                constraint(prefix + "-" + rule + "-set", at, what);
            } else if (now == null || now < old) {
                constraint(prefix + "-" + rule + "-decreased", at, what);
            } else {
                constraint(prefix + "-" + rule + "-increased", at, what);
            }
        } else if (now == null && old != null) {
            constraint(prefix + "-" + rule + "-unset", at, what);
        } else if (old != null && now < old) {
            constraint(prefix + "-" + rule + "-decreased", at, what);
        }
    }

    private void composition(String prefix, String at, Place place, JsonNode before, JsonNode after) {
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            Set<String> old = subschemas(place.before(), before.path(keyword));
            Set<String> now = subschemas(place.after(), after.path(keyword));
            String rule = keyword.equals("oneOf") ? "one-of" : keyword.equals("anyOf") ? "any-of" : "all-of";
            String body = prefix.startsWith("request-parameter") ? "request-property" : prefix;
            for (String schema : old) {
                if (!now.contains(schema)) {
                    add(body + "-" + rule + "-removed", at + " " + schema, at + " " + keyword + " lost " + schema);
                }
            }
            for (String schema : now) {
                if (!old.contains(schema)) {
                    add(body + "-" + rule + "-added", at + " " + schema, at + " " + keyword + " gained " + schema);
                }
            }
        }
    }

    private void additionalProperties(Direction direction, String at, Flat old, Flat now) {
        if (old.closed == now.closed) {
            return;
        }
        String side = direction == Direction.RESPONSE ? "response" : "request";
        add(
                side + "-property-additional-properties-" + (now.closed ? "closed" : "opened"),
                at,
                at + (now.closed ? " allows no other properties now" : " allows other properties now"));
    }

    private void mutability(Direction direction, String at, boolean required, JsonNode before, JsonNode after) {
        String side = direction == Direction.RESPONSE ? "response" : "request";
        String kind = required ? "required" : "optional";
        for (String keyword : List.of("readOnly", "writeOnly")) {
            boolean was = before.path(keyword).asBoolean(false);
            boolean is = after.path(keyword).asBoolean(false);
            if (was != is) {
                String flag = keyword.equals("readOnly") ? "read-only" : "write-only";
                add(
                        side + "-" + kind + "-property-became-" + (is ? "" : "not-") + flag,
                        at,
                        at + (is ? " became " : " is no longer ") + flag);
            }
        }
    }

    /** The security requirements of an operation (or of the document) against their earlier selves. */
    private void requirements(String where, JsonNode before, JsonNode after, String rule) {
        Set<String> old = requirementNames(before);
        Set<String> now = requirementNames(after);
        old.stream()
                .filter(r -> !now.contains(r))
                .forEach(r -> add(rule + "-removed", where + " " + r, where + " no longer accepts security " + r));
        now.stream()
                .filter(r -> !old.contains(r))
                .forEach(r -> add(rule + "-added", where + " " + r, where + " accepts new security " + r));
    }

    private void securitySchemes(JsonNode before, JsonNode after) {
        JsonNode old = before.path("components").path("securitySchemes");
        JsonNode now = after.path("components").path("securitySchemes");
        for (String name : names(old)) {
            JsonNode scheme = old.get(name);
            if (!now.has(name)) {
                add("api-security-component-removed", name, "security scheme " + name + " was removed");
                continue;
            }
            JsonNode current = now.get(name);
            if (!scheme.path("type").asText().equals(current.path("type").asText())
                    || !scheme.path("scheme")
                            .asText()
                            .equalsIgnoreCase(current.path("scheme").asText())) {
                add(
                        "api-security-component-type-changed",
                        name,
                        "security scheme " + name + " changed type from "
                                + scheme.path("type").asText() + " to "
                                + current.path("type").asText());
            }
            if (scheme.path("type").asText().equals("apiKey")
                    && current.path("type").asText().equals("apiKey")) {
                if (!scheme.path("name")
                        .asText()
                        .equalsIgnoreCase(current.path("name").asText())) {
                    add(
                            "api-security-component-header-name-changed",
                            name,
                            "security scheme " + name
                                    + " is now sent as " + current.path("name").asText() + ", not "
                                    + scheme.path("name").asText());
                }
                if (!scheme.path("in").asText().equals(current.path("in").asText())) {
                    add(
                            "api-security-component-location-changed",
                            name,
                            "security scheme " + name + " moved from "
                                    + scheme.path("in").asText() + " to "
                                    + current.path("in").asText());
                }
            }
        }
        names(now).stream()
                .filter(n -> !old.has(n))
                .forEach(n -> add("api-security-component-added", n, "security scheme " + n + " was added"));
    }

    /** A constraint rule: reported when oasdiff has it (it has none for some loosenings, e.g. a body's minItems). */
    private void constraint(String rule, String place, String description) {
        if (RULES.containsKey(rule)) {
            add(rule, place, description);
        }
    }

    private void add(String rule, String place, String description) {
        Level level = RULES.get(rule);
        if (level == null) {
            throw new IllegalStateException("SpecDiff reports a rule it does not know: " + rule);
        }
        changes.add(new Change(rule, level, rule + " " + place, spec + ": " + description + " [" + rule + "]"));
    }

    /** A schema with its allOf parts folded in (properties, required, types): what a value must be. */
    private static final class Flat {
        final Set<String> types = new TreeSet<>();
        final Set<String> enumValues = new TreeSet<>();
        final Set<String> required = new LinkedHashSet<>();
        final Map<String, JsonNode> properties = new LinkedHashMap<>();
        String format;
        String defaultValue;
        boolean nullable;
        boolean closed;
    }

    private static Flat flatten(JsonNode document, JsonNode schema) {
        Flat flat = new Flat();
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(part -> parts.add(SpecFiles.resolve(document, part)));
        for (JsonNode part : parts) {
            flat.types.addAll(types(part));
            part.path("enum").forEach(v -> flat.enumValues.add(v.isNull() ? "null" : v.asText()));
            part.path("required").forEach(name -> flat.required.add(name.asText()));
            part.path("properties").fields().forEachRemaining(e -> flat.properties.put(e.getKey(), e.getValue()));
            if (part.has("format") && flat.format == null) {
                flat.format = part.get("format").asText();
            }
            if (part.has("default") && flat.defaultValue == null) {
                flat.defaultValue = part.get("default").toString();
            }
            flat.nullable |= nullable(part);
            flat.closed |= part.path("additionalProperties").isBoolean()
                    && !part.path("additionalProperties").asBoolean();
        }
        flat.enumValues.remove("null");
        if (!flat.properties.isEmpty() && withoutNull(flat.types).isEmpty()) {
            flat.types.add("object");
        }
        return flat;
    }

    private static boolean nullable(JsonNode schema) {
        return types(schema).contains("null");
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static Set<String> withoutNull(Set<String> types) {
        Set<String> without = new TreeSet<>(types);
        without.remove("null");
        return without;
    }

    private static String prefix(Direction direction, String path) {
        return switch (direction) {
            case PARAMETER -> "request-parameter";
            case REQUEST -> path.equals("$") ? "request-body" : "request-property";
            case RESPONSE -> path.equals("$") ? "response-body" : "response-property";
        };
    }

    private static Set<String> subschemas(JsonNode document, JsonNode list) {
        Set<String> schemas = new TreeSet<>();
        list.forEach(s -> schemas.add(s.has("$ref") ? s.get("$ref").asText() : s.toString()));
        return schemas;
    }

    private static Set<String> requirementNames(JsonNode requirements) {
        Set<String> names = new TreeSet<>();
        requirements.forEach(requirement -> {
            List<String> schemes = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(schemes::add);
            names.add(schemes.isEmpty() ? "(none)" : String.join("+", schemes));
        });
        return names;
    }

    private static Map<String, JsonNode> parameterMap(Operation op) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list :
                new JsonNode[] {op.pathItem().path("parameters"), op.node().path("parameters")}) {
            for (JsonNode raw : list) {
                JsonNode parameter = SpecFiles.resolve(op.document(), raw);
                parameters.put(
                        parameter.path("in").asText() + ":"
                                + parameter.path("name").asText(),
                        parameter);
            }
        }
        return parameters;
    }

    private static List<String> pathVariables(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String style(JsonNode parameter, String in) {
        return parameter.path("style").asText(in.equals("query") || in.equals("cookie") ? "form" : "simple");
    }

    private static boolean explode(JsonNode parameter, String in) {
        return parameter.path("explode").asBoolean(style(parameter, in).equals("form"));
    }

    private static Double number(JsonNode schema, String keyword) {
        JsonNode value = schema.path(keyword);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static String text(Double value) {
        return value == null
                ? "none"
                : value == Math.rint(value) ? String.valueOf(value.longValue()) : value.toString();
    }

    /** Operations by method and path with the variables' names left out: a renamed variable is the same one. */
    private static Map<String, Operation> byKey(JsonNode document) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        SpecFiles.operations(null, document)
                .forEach(op -> operations.put(
                        op.method().toUpperCase() + " " + op.path().replaceAll("\\{[^}]+}", "{}"), op));
        return operations;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
