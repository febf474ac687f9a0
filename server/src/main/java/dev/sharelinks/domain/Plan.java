package dev.sharelinks.domain;

/** What an organisation's subscription allows. */
public record Plan(boolean removeWatermark, boolean whitelabelReports) {}
