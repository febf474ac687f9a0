package dev.sharelinks.sharelink;

import dev.sharelinks.platform.config.ShareLinksProperties;
import org.springframework.stereotype.Component;

/** The URL a link's holders open: its page for a direct link, its frame (an iframe's src) for an embed. */
@Component
public class ShareLinkUrls {

    private final String base;

    ShareLinkUrls(ShareLinksProperties properties) {
        this.base = properties.publicBase();
    }

    public String publicUrl(ShareLink link) {
        return base + (link.type() == LinkType.LINK ? "/share/" : "/frame/") + link.token();
    }
}
