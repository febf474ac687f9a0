package dev.sharelinks.sharelink.publicapi;

import dev.sharelinks.generated.publiclinks.model.PublicShareLinkDto;
import dev.sharelinks.generated.publiclinks.model.ShareLinkSessionDto;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.sharelink.LinkUse;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.ShareLink;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** What a token holder may see of a link, in the public API's wire format. */
@Mapper(
        config = WireMapping.class,
        imports = {PublicShareLinks.class, WireMapping.Values.class})
interface PublicShareLinkMapper {

    @Mapping(target = "remainingUses", expression = "java(Values.nullable(PublicShareLinks.remainingUses(link)))")
    PublicShareLinkDto toStatus(ShareLink link);

    @Mapping(target = "personaId", source = "link.personaId")
    @Mapping(target = "personaName", source = "link.personaName")
    @Mapping(target = "removeWatermark", source = "link.removeWatermark")
    @Mapping(target = "usageCount", source = "link.usageCount")
    @Mapping(target = "remainingUses", expression = "java(Values.nullable(PublicShareLinks.remainingUses(use.link())))")
    ShareLinkSessionDto toSession(LinkUse use);
}
