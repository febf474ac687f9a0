package dev.sharelinks.sharelink.anam;

import dev.sharelinks.generated.anam.model.PaginationDto;
import dev.sharelinks.generated.anam.model.PersonaShareLinkDto;
import dev.sharelinks.generated.anam.model.PersonaShareLinkListDto;
import dev.sharelinks.generated.anam.model.ShareLinkDto;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.sharelink.ShareLink;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Share links to the Anam wire format. */
@Mapper(config = WireMapping.class, imports = WireMapping.Values.class)
interface AnamShareLinkMapper {

    @Mapping(target = "isPrimary", source = "primary")
    ShareLinkDto toShareLink(ShareLink link);

    @Mapping(target = "isPrimary", source = "primary")
    PersonaShareLinkDto toPersonaShareLink(ShareLink link);

    @Mapping(target = "data", source = "items")
    @Mapping(target = "meta", source = ".")
    PersonaShareLinkListDto toList(Page<ShareLink> page);

    @Mapping(target = "currentPage", source = "page")
    @Mapping(target = "lastPage", expression = "java(page.lastPage())")
    @Mapping(target = "prev", expression = "java(Values.nullable(page.previous()))")
    @Mapping(target = "next", expression = "java(Values.nullable(page.next()))")
    PaginationDto toPagination(Page<ShareLink> page);
}
