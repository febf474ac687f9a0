package dev.sharelinks.result.report;

/** The model of {@code result.jte}. */
public record ResultPage(String title, String document) {}
