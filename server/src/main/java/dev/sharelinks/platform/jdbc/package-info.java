/** What every repository shares: time columns, and which of the two databases it talks to. */
@org.springframework.modulith.NamedInterface("jdbc")
package dev.sharelinks.platform.jdbc;
