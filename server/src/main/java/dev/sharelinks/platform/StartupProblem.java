package dev.sharelinks.platform;

/**
 * Something an operator must fix before the service can start (a missing key, a database in use). Start-up stops
 * with the message and the action, without a stack trace ({@link StartupProblemAnalyzer}).
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
