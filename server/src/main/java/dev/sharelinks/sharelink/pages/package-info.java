/** The pages a share link opens: {@code /share/{token}} and, for iframes, {@code /frame/{token}}. */
package dev.sharelinks.sharelink.pages;
