/** The page a shared result opens in a browser: {@code /share/result/{id}/{token}}. */
package dev.sharelinks.result.report;
