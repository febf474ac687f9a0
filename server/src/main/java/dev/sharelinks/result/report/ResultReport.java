package dev.sharelinks.result.report;

import java.util.List;

/**
 * A Cekura result document as a report people read: the model of {@code report.jte}. Every field of the document
 * is in it, known fields in their place and the rest under "Other fields".
 *
 * @param hasKnownFields whether the document had any field the report knows (else it is its other fields)
 */
public record ResultReport(
        String title,
        String status,
        List<Fact> summary,
        List<Run> runs,
        List<Fact> otherFields,
        boolean hasKnownFields) {

    /** A labelled value; {@code code} when the value is JSON (a field the report does not know). */
    public record Fact(String label, String value, boolean code) {

        static Fact of(String label, String value) {
            return new Fact(label, value, false);
        }
    }

    /**
     * @param success        true, false or null (not said)
     * @param recordingUrl   an http(s) URL the page plays, or null
     * @param transcript     the plain transcript, when there are no turns
     */
    public record Run(
            int number,
            String title,
            Boolean success,
            List<Fact> facts,
            String errorMessage,
            Outcome outcome,
            List<Metric> metrics,
            List<Turn> turns,
            String transcript,
            String recordingUrl,
            List<Fact> otherFields) {

        public String verdict() {
            return success == null ? "Not judged" : success ? "Passed" : "Failed";
        }

        public String verdictClass() {
            return success == null ? "verdict" : success ? "verdict passed" : "verdict failed";
        }
    }

    public record Outcome(String score, List<String> explanation, List<Fact> otherFields) {}

    public record Metric(String name, String type, String score, String explanation, List<Fact> extra) {}

    public record Turn(String role, String content, String timestamp) {

        public String roleClass() {
            return "turn "
                    + (role == null ? "" : role.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        }
    }
}
