package io.lunora.viewer.social;

import org.springframework.web.util.HtmlUtils;

/**
 * A message as clients receive it: the text and author name HTML-escaped, so a {@code <script>}
 * posted as a message arrives as inert text even in a client that inserts it as HTML.
 */
public record MessageView(String messageId, String streamId, String authorId, String authorName, String kind,
        String text, String sentAt) {

    static MessageView of(Message m) {
        return new MessageView(m.messageId(), m.streamId(), m.authorId(), HtmlUtils.htmlEscape(m.authorName()), m.kind(),
                HtmlUtils.htmlEscape(m.text()), m.sentAt());
    }
}
