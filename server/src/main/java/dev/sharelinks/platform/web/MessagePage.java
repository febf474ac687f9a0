package dev.sharelinks.platform.web;

/** The model of {@code message.jte}: a heading and a sentence, full page or in a frame. */
public record MessagePage(String title, String text, boolean framed) {

    public MessagePage(String title, String text) {
        this(title, text, false);
    }
}
