package dev.sharelinks.platform.config;

import dev.sharelinks.platform.config.EnvironmentVariableCheck.Setting;
import java.util.List;

/** What {@code --help} prints: how to start the service and every {@code sharelinks.*} setting, from the metadata. */
public final class SettingsHelp {

    private SettingsHelp() {}

    /** Whether the command line asks for help instead of a server. */
    public static boolean asked(String[] args) {
        return List.of(args).stream().anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    public static String text() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar sharelinks-server.jar [--name=value ...]

                Starts the share-link service: http://localhost:8080 by default, data in ./data (embedded H2).
                Every setting is an environment variable or a --name=value argument; Spring Boot's own settings
                (server.port, spring.datasource.url, ...) work the same way. See README.md, "Configuration".

                Settings:
                """);
        for (Setting setting : Setting.all()) {
            text.append("  --")
                    .append(setting.name())
                    .append("  (")
                    .append(setting.variable())
                    .append(')');
            if (setting.defaultValue() != null) {
                text.append("  default ").append(setting.defaultValue());
            }
            text.append('\n');
            if (!setting.description().isBlank()) {
                text.append("      ")
                        .append(setting.description().replace("\n", " "))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
