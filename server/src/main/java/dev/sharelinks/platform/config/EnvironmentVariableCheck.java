package dev.sharelinks.platform.config;

import dev.sharelinks.platform.StartupProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code SHARELINKS_*} environment variables that bind to no setting stop start-up, as unknown {@code sharelinks.*}
 * keys do: Spring Boot ignores an environment variable it cannot bind, so a typo ({@code SHARELINKS_RETENTON_PERIOD})
 * would leave the default in force in silence. The settings are the ones the configuration metadata lists (the
 * build generates it from {@link ShareLinksProperties}); a variable matches a setting the way Spring Boot binds it
 * ({@code _} for {@code .} and {@code -}, or {@code -} left out), a list or map setting with any index or key after
 * it.
 */
public class EnvironmentVariableCheck implements EnvironmentPostProcessor {

    static final String PREFIX = "SHARELINKS_";

    /** Read by the build's scripts, not by the server. */
    private static final Set<String> NOT_SETTINGS =
            Set.of("SHARELINKS_REQUIRE_BROWSER", "SHARELINKS_PRISM", "SHARELINKS_REQUIRE_PRISM");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<Setting> settings = Setting.all();
        if (settings.isEmpty()) {
            return; // no metadata (a build without the configuration processor): nothing to compare with
        }
        List<String> unknown = unknown(environment.getSystemEnvironment().keySet(), settings);
        if (!unknown.isEmpty()) {
            throw new StartupProblem(
                    String.join("\n", unknown),
                    "Correct or unset the variable; `java -jar sharelinks-server.jar --help` lists every setting.");
        }
    }

    /** One sentence per variable that binds to no setting, with the nearest setting's variable. */
    static List<String> unknown(Set<String> variables, List<Setting> settings) {
        List<String> problems = new ArrayList<>();
        for (String variable : new TreeSet<>(variables)) {
            if (!variable.startsWith(PREFIX) || NOT_SETTINGS.contains(variable)) {
                continue;
            }
            String bound = canonical(variable);
            boolean known = settings.stream()
                    .anyMatch(s -> s.collection()
                            ? bound.startsWith(canonical(s.variable()))
                            : bound.equals(canonical(s.variable())));
            if (!known) {
                String nearest = settings.stream()
                        .map(Setting::variable)
                        .min(Comparator.comparingInt(candidate -> distance(candidate, variable)))
                        .orElse(null);
                problems.add(variable + " is set but is no setting of this service"
                        + (nearest != null && distance(nearest, variable) <= 3
                                ? " (did you mean " + nearest + "?)"
                                : ""));
            }
        }
        return problems;
    }

    /** What Spring Boot compares: upper case, without separators. */
    private static String canonical(String name) {
        return name.toUpperCase(Locale.ROOT).replace("_", "").replace(".", "").replace("-", "");
    }

    /** Edit distance, for the suggestion only. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * A {@code sharelinks.*} setting from the configuration metadata.
     *
     * @param name        its property name ({@code sharelinks.retention.period})
     * @param type        its Java type as the metadata names it
     * @param description what it does
     * @param defaultValue its default, or null
     */
    record Setting(String name, String type, String description, String defaultValue) {

        /** The environment variable the README names: {@code SHARELINKS_RETENTION_PERIOD}. */
        String variable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        boolean collection() {
            return type != null
                    && (type.startsWith("java.util.List")
                            || type.startsWith("java.util.Set")
                            || type.startsWith("java.util.Map")
                            || type.endsWith("[]"));
        }

        static List<Setting> all() {
            try (InputStream in = EnvironmentVariableCheck.class.getResourceAsStream(
                    "/META-INF/spring-configuration-metadata.json")) {
                if (in == null) {
                    return List.of();
                }
                List<Setting> settings = new ArrayList<>();
                for (JsonNode property :
                        JsonMapper.builder().build().readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("sharelinks.")) {
                        JsonNode value = property.path("defaultValue");
                        settings.add(new Setting(
                                name,
                                property.path("type").asString(null),
                                property.path("description").asString(""),
                                value.isMissingNode() || value.isNull()
                                        ? null
                                        : value.isString() ? value.asString() : value.toString()));
                    }
                }
                settings.sort(Comparator.comparing(Setting::name));
                return settings;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
