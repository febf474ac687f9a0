package dev.sharelinks.organization;

/** What an organisation's subscription allows. */
public record Plan(boolean removeWatermark, boolean whitelabelReports) {}
