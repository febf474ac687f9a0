package dev.sharelinks.result.report;

import dev.sharelinks.platform.DisplayNames;
import dev.sharelinks.result.report.ResultReport.Fact;
import dev.sharelinks.result.report.ResultReport.Metric;
import dev.sharelinks.result.report.ResultReport.Outcome;
import dev.sharelinks.result.report.ResultReport.Run;
import dev.sharelinks.result.report.ResultReport.Turn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stored result as Cekura's public reference describes it (summary, runs, expected outcomes, metrics,
 * transcripts, recordings). Fields it does not know are kept, as JSON, under "Other fields" at the level they were
 * found: a report never drops anything of the document.
 */
final class ResultReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The summary's fields in the order shown, with their labels. */
    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();

    static {
        SUMMARY.put("agent_name", "Agent");
        SUMMARY.put("status", "Status");
        SUMMARY.put("success_rate", "Success rate");
        SUMMARY.put("met_expected_outcome_count", "Expected outcomes met");
        SUMMARY.put("total_runs", "Runs");
        SUMMARY.put("completed_runs", "Completed");
        SUMMARY.put("success_runs", "Succeeded");
        SUMMARY.put("failed_runs", "Failed");
        SUMMARY.put("run_type", "Run type");
        SUMMARY.put("agent_version", "Agent version");
    }

    private static final Set<String> TOP_KNOWN = Set.of(
            "name",
            "agent_name",
            "status",
            "success_rate",
            "met_expected_outcome_count",
            "total_expected_outcome_count",
            "total_runs",
            "completed_runs",
            "success_runs",
            "failed_runs",
            "run_type",
            "agent_version",
            "runs");
    private static final Set<String> RUN_KNOWN = Set.of(
            "scenario_name",
            "personality_name",
            "success",
            "duration",
            "executed_at",
            "error_message",
            "expected_outcome",
            "evaluation",
            "transcript",
            "transcript_object",
            "voice_recording_url");

    private final JsonMapper json;

    ResultReports(JsonMapper json) {
        this.json = json;
    }

    ResultReport read(long resultId, JsonNode document) {
        String title = text(document.get("name"));
        List<Fact> summary = new ArrayList<>();
        SUMMARY.forEach((field, label) -> {
            JsonNode value = document.get(field);
            if (value == null || value.isNull()) {
                return;
            }
            if (field.equals("met_expected_outcome_count") && document.has("total_expected_outcome_count")) {
                summary.add(Fact.of(label, text(value) + " of " + text(document.get("total_expected_outcome_count"))));
            } else if (field.equals("success_rate")) {
                summary.add(Fact.of(label, rate(value)));
            } else {
                summary.add(Fact.of(label, text(value)));
            }
        });
        if (!document.has("met_expected_outcome_count") && document.has("total_expected_outcome_count")) {
            summary.add(Fact.of("Expected outcomes", text(document.get("total_expected_outcome_count"))));
        }
        List<Run> runs = new ArrayList<>();
        JsonNode allRuns = document.get("runs");
        List<Fact> other = others(document, TOP_KNOWN);
        if (allRuns != null && allRuns.isArray()) {
            int number = 1;
            for (JsonNode run : allRuns) {
                runs.add(
                        run.isObject()
                                ? run(number, run)
                                : new Run(
                                        number,
                                        "Run " + number,
                                        null,
                                        List.of(),
                                        null,
                                        null,
                                        List.of(),
                                        List.of(),
                                        null,
                                        null,
                                        List.of(new Fact("value", compact(run), true))));
                number++;
            }
        } else if (allRuns != null) {
            other.add(0, new Fact("runs", compact(allRuns), true));
        }
        boolean known = document.propertyNames().stream().anyMatch(TOP_KNOWN::contains);
        return new ResultReport(
                title != null ? title : "Test result " + resultId,
                text(document.get("status")),
                summary,
                runs,
                other,
                known);
    }

    private Run run(int number, JsonNode run) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "Personality", run.get("personality_name"));
        add(facts, "Duration", run.get("duration"));
        JsonNode executed = run.get("executed_at");
        if (executed != null && !executed.isNull()) {
            facts.add(Fact.of("Executed", when(text(executed))));
        }
        JsonNode success = run.get("success");
        List<Fact> other = others(run, RUN_KNOWN);
        Boolean verdict = null;
        if (success != null && success.isBoolean()) {
            verdict = success.booleanValue();
        } else if (success != null && !success.isNull()) {
            other.add(0, new Fact("success", compact(success), true));
        }
        String recording = text(run.get("voice_recording_url"));
        if (recording != null && !isWebUrl(recording)) {
            other.add(new Fact("voice_recording_url", recording, false));
            recording = null;
        }
        List<Turn> turns = new ArrayList<>();
        JsonNode transcript = run.get("transcript_object");
        if (transcript != null && transcript.isArray()) {
            for (JsonNode turn : transcript) {
                turns.add(new Turn(text(turn.get("role")), text(turn.get("content")), text(turn.get("timestamp"))));
            }
        } else if (transcript != null && !transcript.isNull()) {
            other.add(new Fact("transcript_object", compact(transcript), true));
        }
        String scenario = text(run.get("scenario_name"));
        return new Run(
                number,
                scenario != null ? scenario : "Run " + number,
                verdict,
                facts,
                text(run.get("error_message")),
                outcome(run.get("expected_outcome"), other),
                metrics(run.get("evaluation"), other),
                turns,
                turns.isEmpty() ? text(run.get("transcript")) : null,
                recording,
                other);
    }

    private Outcome outcome(JsonNode outcome, List<Fact> runOther) {
        if (outcome == null || outcome.isNull()) {
            return null;
        }
        if (!outcome.isObject()) {
            runOther.add(new Fact("expected_outcome", compact(outcome), true));
            return null;
        }
        List<String> explanation = new ArrayList<>();
        JsonNode why = outcome.get("explanation");
        if (why != null && why.isArray()) {
            why.forEach(line -> explanation.add(text(line)));
        } else if (why != null && !why.isNull()) {
            explanation.add(text(why));
        }
        List<Fact> other = others(outcome, Set.of("score", "explanation"));
        return new Outcome(text(outcome.get("score")), explanation, other);
    }

    private List<Metric> metrics(JsonNode evaluation, List<Fact> runOther) {
        List<Metric> metrics = new ArrayList<>();
        if (evaluation == null || evaluation.isNull()) {
            return metrics;
        }
        JsonNode all = evaluation.get("metrics");
        if (!evaluation.isObject() || (all != null && !all.isArray())) {
            runOther.add(new Fact("evaluation", compact(evaluation), true));
            return metrics;
        }
        for (Fact fact : others(evaluation, Set.of("metrics"))) {
            runOther.add(new Fact("evaluation." + fact.label(), fact.value(), fact.code()));
        }
        if (all != null) {
            for (JsonNode metric : all) {
                List<Fact> extra = others(metric, Set.of("name", "type", "score", "explanation", "extra"));
                JsonNode more = metric.get("extra");
                if (more != null && !more.isNull()) {
                    if (more.isObject()) {
                        more.properties().forEach(e -> extra.add(fact(e.getKey(), e.getValue())));
                    } else {
                        extra.add(new Fact("extra", compact(more), true));
                    }
                }
                metrics.add(new Metric(
                        text(metric.get("name")),
                        text(metric.get("type")),
                        text(metric.get("score")),
                        text(metric.get("explanation")),
                        extra));
            }
        }
        return metrics;
    }

    /** The fields of {@code node} the report does not know, each as text (scalars) or compact JSON. */
    private List<Fact> others(JsonNode node, Set<String> known) {
        List<Fact> other = new ArrayList<>();
        node.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                other.add(fact(e.getKey(), e.getValue()));
            }
        });
        return other;
    }

    private Fact fact(String key, JsonNode value) {
        boolean code = value.isContainer();
        return new Fact(DisplayNames.neutralized(key), code ? compact(value) : String.valueOf(text(value)), code);
    }

    private static void add(List<Fact> facts, String label, JsonNode value) {
        if (value != null && !value.isNull()) {
            facts.add(Fact.of(label, text(value)));
        }
    }

    private String compact(JsonNode node) {
        return DisplayNames.neutralized(json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    /** Scalars as people write them; null for absent or null. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "yes" : "no";
        }
        return DisplayNames.neutralized(node.isValueNode() ? node.asString() : node.toString());
    }

    /** A fraction up to 1 as a percentage (0.67: 67 %); anything else as given, with %. */
    private static String rate(JsonNode value) {
        if (!value.isNumber()) {
            return text(value);
        }
        BigDecimal rate = value.decimalValue();
        BigDecimal percent = rate.compareTo(BigDecimal.ONE) <= 0 && rate.signum() >= 0 ? rate.movePointRight(2) : rate;
        return percent.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    private static String when(String text) {
        try {
            return WHEN.format(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notIso) {
            return text;
        }
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
