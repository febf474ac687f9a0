package dev.sharelinks.admin;

import dev.sharelinks.audit.AuditActor;
import dev.sharelinks.audit.AuditEvent;
import dev.sharelinks.generated.admin.model.AnamCredentialStatusDto;
import dev.sharelinks.generated.admin.model.ApiKeyCreatedDto;
import dev.sharelinks.generated.admin.model.ApiKeyDto;
import dev.sharelinks.generated.admin.model.AuditActorTypeDto;
import dev.sharelinks.generated.admin.model.AuditChangeDto;
import dev.sharelinks.generated.admin.model.AuditEventActorDto;
import dev.sharelinks.generated.admin.model.AuditEventDto;
import dev.sharelinks.generated.admin.model.AuditEventPageDto;
import dev.sharelinks.generated.admin.model.AuditEventTargetDto;
import dev.sharelinks.generated.admin.model.AuditTargetTypeDto;
import dev.sharelinks.generated.admin.model.BrandingChangeDto;
import dev.sharelinks.generated.admin.model.BrandingDto;
import dev.sharelinks.generated.admin.model.OrganizationDto;
import dev.sharelinks.generated.admin.model.OrganizationPageDto;
import dev.sharelinks.generated.admin.model.PageMetaDto;
import dev.sharelinks.generated.admin.model.PersonaDto;
import dev.sharelinks.generated.admin.model.PersonaPageDto;
import dev.sharelinks.generated.admin.model.PlanDto;
import dev.sharelinks.generated.admin.model.ResultDto;
import dev.sharelinks.generated.admin.model.ResultPageDto;
import dev.sharelinks.generated.admin.model.SigningKeyDto;
import dev.sharelinks.generated.admin.model.WebhookEndpointDto;
import dev.sharelinks.organization.AnamCredentialStatus;
import dev.sharelinks.organization.ApiKey;
import dev.sharelinks.organization.Branding;
import dev.sharelinks.organization.IssuedApiKey;
import dev.sharelinks.organization.Organization;
import dev.sharelinks.organization.Persona;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.platform.Page;
import dev.sharelinks.platform.web.WireMapping;
import dev.sharelinks.result.StoredResult;
import dev.sharelinks.sharelink.handoff.SigningKey;
import dev.sharelinks.webhook.EventType;
import dev.sharelinks.webhook.WebhookEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The rooms' records to the operator API's wire format, and its filters to the domain's. */
@Mapper(config = WireMapping.class)
interface OperatorApiMapper {

    OrganizationDto toOrganization(Organization org);

    PlanDto toPlan(Plan plan);

    BrandingDto toBranding(Branding branding);

    /** An omitted brand is none; inside it, omitted and null are both "not set" on create. */
    default Branding toBranding(BrandingChangeDto branding) {
        return branding == null
                ? Branding.NONE
                : new Branding(
                        branding.getDisplayName().orElse(null),
                        branding.getAccentColor().orElse(null),
                        branding.getLogoUrl().orElse(null),
                        false);
    }

    /** An omitted plan flag is false on create. */
    default Plan toPlan(PlanDto plan) {
        return plan == null
                ? null
                : new Plan(
                        Boolean.TRUE.equals(plan.getRemoveWatermark()),
                        Boolean.TRUE.equals(plan.getWhitelabelReports()));
    }

    @Mapping(target = "id", source = "key.id")
    @Mapping(target = "name", source = "key.name")
    @Mapping(target = "createdAt", source = "key.createdAt")
    @Mapping(target = "key", source = "secret")
    ApiKeyCreatedDto toApiKeyCreated(IssuedApiKey issued);

    PersonaDto toPersona(Persona persona);

    AnamCredentialStatusDto toCredentialStatus(AnamCredentialStatus status);

    @Mapping(target = "algorithm", constant = "ES256")
    SigningKeyDto toSigningKey(SigningKey key);

    ResultDto toResult(StoredResult result);

    ApiKeyDto toApiKey(ApiKey key);

    default PageMetaDto toPageMeta(Page<?> page) {
        return new PageMetaDto(Math.toIntExact(page.total()), page.page(), page.perPage(), page.lastPage());
    }

    default OrganizationPageDto toOrganizationPage(Page<Organization> page) {
        return new OrganizationPageDto(
                page.items().stream().map(this::toOrganization).toList(), toPageMeta(page));
    }

    default PersonaPageDto toPersonaPage(Page<Persona> page) {
        return new PersonaPageDto(page.items().stream().map(this::toPersona).toList(), toPageMeta(page));
    }

    default ResultPageDto toResultPage(Page<StoredResult> page) {
        return new ResultPageDto(page.items().stream().map(this::toResult).toList(), toPageMeta(page));
    }

    WebhookEndpointDto toWebhookEndpoint(WebhookEndpoint endpoint);

    default String toEventTypeName(EventType type) {
        return type.wireName();
    }

    default AuditEventPageDto toAuditEventPage(List<AuditEvent> events, String nextCursor) {
        return new AuditEventPageDto()
                .items(events.stream().map(this::toAuditEvent).toList())
                .nextCursor(nextCursor);
    }

    @Mapping(target = "target", source = ".")
    AuditEventDto toAuditEvent(AuditEvent event);

    @Mapping(target = "type", source = "targetType")
    @Mapping(target = "id", source = "targetId")
    AuditEventTargetDto toTarget(AuditEvent event);

    default AuditEventActorDto toActor(AuditActor actor) {
        return new AuditEventActorDto()
                .type(AuditActorTypeDto.fromValue(code(actor.type())))
                .id(actor.id() == null ? null : actor.id().toString());
    }

    default Map<String, AuditChangeDto> toChanges(Map<String, AuditEvent.Change> changes) {
        Map<String, AuditChangeDto> wire = new LinkedHashMap<>();
        changes.forEach((field, change) ->
                wire.put(field, new AuditChangeDto().from(change.from()).to(change.to())));
        return wire;
    }

    default AuditTargetTypeDto toTargetType(AuditEvent.TargetType type) {
        return AuditTargetTypeDto.fromValue(code(type));
    }

    default AuditEvent.TargetType toTargetType(AuditTargetTypeDto type) {
        return type == null
                ? null
                : AuditEvent.TargetType.valueOf(type.getValue().toUpperCase(Locale.ROOT));
    }

    default AuditActor.Type toActorType(AuditActorTypeDto type) {
        return type == null ? null : AuditActor.Type.valueOf(type.getValue().toUpperCase(Locale.ROOT));
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
