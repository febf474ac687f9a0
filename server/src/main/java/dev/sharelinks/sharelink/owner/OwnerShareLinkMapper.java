package dev.sharelinks.sharelink.owner;

import dev.sharelinks.generated.owner.model.OwnedShareLinkDto;
import dev.sharelinks.generated.owner.model.ShareLinkSettingsDto;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.sharelink.LinkSettings;
import dev.sharelinks.sharelink.ShareLink;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Share links to the owner API's wire format, and its settings to the domain's. */
@Mapper(config = WireMapping.class)
interface OwnerShareLinkMapper {

    @Mapping(target = "isPrimary", source = "link.primary")
    OwnedShareLinkDto toOwned(ShareLink link, String launchUrl, String publicUrl);

    @Mapping(target = "primary", source = "isPrimary")
    LinkSettings toSettings(ShareLinkSettingsDto settings);
}
