package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment recipe, run as the container would run it (images cannot be pulled here): the packaged jar
 * extracted with the Dockerfile's own command, its layers copied in the Dockerfile's order, started with the
 * Dockerfile's entry point from a directory the process cannot write to and without a home, with the compose
 * file's environment (its PostgreSQL 15 swapped for the embedded one, the secrets given), until the health
 * check's URL answers; then the operator API works with the token it was given. Runs after {@code package}
 * (failsafe), where the jar exists.
 */
class DeploymentRecipeIT {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final String ADMIN_TOKEN = "deployment-recipe-admin-token";

    @Test
    void theServiceRunsAsTheContainersEntryPointRunsIt(@TempDir Path dir) throws Exception {
        String log = runAsTheEntryPoint(dir, List.of());
        assertThat(log).contains("Starting ShareLinksApplication").doesNotContain("AOT-processed");
    }

    /**
     * The same with Spring AOT's bean definitions, which the jar carries (README "Faster start-up"): the settings
     * given at deploy time (the PostgreSQL URL, the port, the operator token, the key-encryption key) still work.
     */
    @Test
    void theServiceRunsWithSpringAotAndTheDeployTimeSettings(@TempDir Path dir) throws Exception {
        String log = runAsTheEntryPoint(dir, List.of("-Dspring.aot.enabled=true"));
        assertThat(log).contains("Starting AOT-processed ShareLinksApplication");
    }

    /** Runs the recipe with these JVM options added to the entry point; returns the server's log. */
    private static String runAsTheEntryPoint(Path dir, List<String> jvmOptions) throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        Path jar = packagedJar();

        // RUN java -Djarmode=tools -jar application.jar extract ... (the Dockerfile's own arguments)
        Path extract = Files.createDirectories(dir.resolve("extract"));
        Files.copy(jar, extract.resolve("application.jar"));
        Matcher run = Pattern.compile("RUN (java -Djarmode=tools -jar application\\.jar extract[^\\n]*)")
                .matcher(dockerfile);
        assertThat(run.find()).as("the Dockerfile extracts the jar").isTrue();
        List<String> extractCommand = new ArrayList<>(List.of(run.group(1).split(" ")));
        extractCommand.set(0, java());
        Process extracting = new ProcessBuilder(extractCommand)
                .directory(extract.toFile())
                .inheritIO()
                .start();
        assertThat(extracting.waitFor()).isZero();

        // COPY --from=extract /extract/layers/<layer>/ ./ , in the Dockerfile's order
        Path app = Files.createDirectories(dir.resolve("app"));
        Matcher copy =
                Pattern.compile("COPY --from=extract /extract/(\\S+)/ \\./").matcher(dockerfile);
        int layers = 0;
        while (copy.find()) {
            copyTree(extract.resolve(copy.group(1)), app);
            layers++;
        }
        assertThat(layers).isEqualTo(4);
        assertThat(app.toFile().setWritable(false, false)).isTrue();

        // ENTRYPOINT ["java", ...]
        Matcher entry = Pattern.compile("ENTRYPOINT \\[(.*)]").matcher(dockerfile);
        assertThat(entry.find()).isTrue();
        List<String> command = new ArrayList<>();
        for (String part : entry.group(1).split(",")) {
            command.add(part.strip().replace("\"", ""));
        }
        command.set(0, java());
        command.addAll(1, jvmOptions);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().remove("HOME");
        builder.environment().putAll(composeEnvironment(EmbeddedPostgres.newDatabase()));
        // the container listens on 8080; here another free port, the one thing the test changes
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process server = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthCheck(server, base + healthCheckPath(dockerfile), dir.resolve("server.log"));
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/admin/v1/organizations"))
                                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Deployed\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            try (Stream<Path> files = Files.list(app)) {
                assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("data");
            }
        } finally {
            server.destroy();
            server.waitFor();
            app.toFile().setWritable(true, false);
        }
        return Files.readString(dir.resolve("server.log"));
    }

    /** The sharelinks service's environment in compose.yaml, its variables given, its database the embedded one. */
    private static Map<String, String> composeEnvironment(String jdbcUrl) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> service =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("sharelinks");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        Map<String, String> given = Map.of(
                "POSTGRES_PASSWORD", "postgres",
                "SHARELINKS_ADMIN_TOKEN", ADMIN_TOKEN,
                "SHARELINKS_KEY_ENCRYPTION_KEY", "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=");
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            // ${NAME:?message} and ${NAME:-default}, as compose reads them
            Matcher variable =
                    Pattern.compile("\\$\\{(\\w+)(?::\\?[^}]*|:-([^}]*))?}").matcher(value.toString());
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                String replacement =
                        given.getOrDefault(variable.group(1), variable.group(2) == null ? "" : variable.group(2));
                variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(out);
            resolved.put(name, out.toString());
        });
        assertThat(resolved.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://db:5432/sharelinks");
        resolved.put("SPRING_DATASOURCE_URL", jdbcUrl);
        resolved.put("SPRING_DATASOURCE_USERNAME", "postgres");
        return resolved;
    }

    private static String healthCheckPath(String dockerfile) {
        Matcher check = Pattern.compile("CMD curl -fsS http://127\\.0\\.0\\.1:8080(\\S+)")
                .matcher(dockerfile);
        assertThat(check.find()).as("the Dockerfile's health check").isTrue();
        return check.group(1);
    }

    private static void awaitHealthCheck(Process server, String url, Path log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server runs; see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the health check did not pass within 90 s; see " + log);
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("sharelinks-server-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
