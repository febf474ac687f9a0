package dev.sharelinks.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as its own operating-system process (a child JVM on the test classpath), so tests can kill it
 * with SIGKILL or run two of them side by side on one database, as in production.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = TestOrganization.ADMIN_TOKEN;

    /** The test profile's key-encryption key: every instance of one deployment needs the same. */
    public static final String KEY_ENCRYPTION_KEY = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

    private final Process process;
    private final String baseUrl;

    private final int port;
    private final File log;

    private ServerProcess(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.log = log;
    }

    /** Starts a server on the given PostgreSQL database and waits until it is ready. */
    public static ServerProcess start(String jdbcUrl, String name, String... extraArguments) throws Exception {
        return launch(name).database(jdbcUrl).arguments(extraArguments).start();
    }

    public static Launch launch(String name) {
        return new Launch(name);
    }

    /** How a server process is started: database, arguments, environment, umask, working directory. */
    public static final class Launch {

        private final String name;
        private String jdbcUrl;
        private final List<String> arguments = new ArrayList<>();
        private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
        private String umask;
        private File directory;
        private boolean defaults = true;

        private Launch(String name) {
            this.name = name;
        }

        /** A PostgreSQL URL (user and password postgres) or any other JDBC URL. */
        public Launch database(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        public Launch arguments(String... more) {
            arguments.addAll(List.of(more));
            return this;
        }

        public Launch environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Runs the JVM under this umask (through sh), as a service manager might. */
        public Launch umask(String umask) {
            this.umask = umask;
            return this;
        }

        public Launch directory(File directory) {
            this.directory = directory;
            return this;
        }

        /** No test defaults (admin token, no demo data, no rate limits): the process is configured as given. */
        public Launch asConfigured() {
            this.defaults = false;
            return this;
        }

        public ServerProcess start() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            if (umask != null) {
                command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
            }
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.sharelinks.ShareLinksApplication",
                    "--server.port=" + port));
            if (jdbcUrl != null) {
                command.addAll(List.of(
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres"));
            }
            if (defaults) {
                for (String setting : List.of(
                        "--sharelinks.admin-token=" + ADMIN_TOKEN,
                        "--sharelinks.demo-data=false",
                        "--sharelinks.rate-limit.enabled=false",
                        "--sharelinks.key-encryption-key=" + KEY_ENCRYPTION_KEY,
                        "--logging.level.root=WARN")) {
                    String key = setting.substring(0, setting.indexOf('=') + 1);
                    if (arguments.stream().noneMatch(given -> given.startsWith(key))) {
                        command.add(setting);
                    }
                }
            }
            command.addAll(arguments);
            File log = Path.of("target", "server-" + name + ".log")
                    .toAbsolutePath()
                    .toFile();
            log.delete();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory);
            }
            ServerProcess server = new ServerProcess(builder.start(), port, log);
            server.awaitReady(Duration.ofSeconds(90), log);
            return server;
        }
    }

    private void awaitReady(Duration timeout, File log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not ready within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    /** What the server has written to its console so far. */
    public String output() throws IOException {
        return java.nio.file.Files.readString(log.toPath());
    }

    /** SIGTERM, as a platform stops a service: graceful shutdown. */
    public void terminate() {
        process.destroy();
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
