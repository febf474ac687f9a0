/** The service's settings ({@code sharelinks.*}), Jackson, Tomcat and the clock. */
@org.springframework.modulith.NamedInterface("config")
package dev.sharelinks.platform.config;
