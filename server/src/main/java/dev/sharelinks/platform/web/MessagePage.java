package dev.sharelinks.platform.web;

/** The model of {@code message.jte}: a heading and a sentence. */
public record MessagePage(String title, String text) {}
