package dev.sharelinks.result.report;

import dev.sharelinks.platform.web.PageBrand;

/**
 * The model of {@code report.jte}.
 *
 * @param brand the organisation's brand (whitelabel plan and a brand set), or null for the default look
 * @param mark  "Powered by Cekura" without a brand, else null
 */
public record ReportPage(ResultReport report, String validUntil, PageBrand brand, String mark) {}
