package dev.sharelinks.sharelink.publicapi;

import com.nimbusds.jose.jwk.JWKSet;
import dev.sharelinks.generated.publiclinks.model.JwkDto;
import dev.sharelinks.generated.publiclinks.model.JwkSetDto;
import dev.sharelinks.generated.publiclinks.model.PublicShareLinkDto;
import dev.sharelinks.generated.publiclinks.model.ShareLinkSessionDto;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.sharelink.PublicShareLinks;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.handoff.HandedOn;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** What a token holder may see of a link, in the public API's wire format. */
@Mapper(
        config = WireMapping.class,
        imports = {PublicShareLinks.class, WireMapping.Values.class})
interface PublicShareLinkMapper {

    @Mapping(target = "remainingUses", expression = "java(Values.nullable(PublicShareLinks.remainingUses(link)))")
    PublicShareLinkDto toStatus(ShareLink link);

    @Mapping(target = "sessionId", source = "use.sessionId")
    @Mapping(target = "personaId", source = "use.link.personaId")
    @Mapping(target = "personaName", source = "use.link.personaName")
    @Mapping(target = "removeWatermark", source = "use.link.removeWatermark")
    @Mapping(target = "usageCount", source = "use.link.usageCount")
    @Mapping(
            target = "remainingUses",
            expression = "java(Values.nullable(PublicShareLinks.remainingUses(handedOn.use().link())))")
    ShareLinkSessionDto toSession(HandedOn handedOn);

    /** The public half of each key, in JWK terms (RFC 7517). */
    default JwkSetDto toKeySet(JWKSet keys) {
        return new JwkSetDto()
                .keys(keys.getKeys().stream()
                        .map(key -> key.toECKey())
                        .map(key -> new JwkDto()
                                .kty(JwkDto.KtyEnum.EC)
                                .crv(JwkDto.CrvEnum.P_256)
                                .x(key.getX().toString())
                                .y(key.getY().toString())
                                .kid(key.getKeyID())
                                .use(JwkDto.UseEnum.SIG)
                                .alg(JwkDto.AlgEnum.ES256))
                        .toList());
    }
}
