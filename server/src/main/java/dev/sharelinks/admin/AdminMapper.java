package dev.sharelinks.admin;

import static dev.sharelinks.web.WireTime.utc;

import dev.sharelinks.domain.AuditActor;
import dev.sharelinks.domain.IssuedApiKey;
import dev.sharelinks.domain.StoredResult;
import dev.sharelinks.generated.admin.model.ApiKeyCreated;
import dev.sharelinks.generated.admin.model.AuditActorType;
import dev.sharelinks.generated.admin.model.AuditChange;
import dev.sharelinks.generated.admin.model.AuditEvent;
import dev.sharelinks.generated.admin.model.AuditEventActor;
import dev.sharelinks.generated.admin.model.AuditEventPage;
import dev.sharelinks.generated.admin.model.AuditEventTarget;
import dev.sharelinks.generated.admin.model.AuditTargetType;
import dev.sharelinks.generated.admin.model.Organization;
import dev.sharelinks.generated.admin.model.Persona;
import dev.sharelinks.generated.admin.model.Plan;
import dev.sharelinks.generated.admin.model.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Domain objects to the operator API's wire format. */
final class AdminMapper {

    private AdminMapper() {}

    static Organization toOrganization(dev.sharelinks.domain.Organization org) {
        return new Organization()
                .id(org.id())
                .name(org.name())
                .plan(new Plan()
                        .removeWatermark(org.plan().removeWatermark())
                        .whitelabelReports(org.plan().whitelabelReports()))
                .customDomain(org.customDomain())
                .createdAt(utc(org.createdAt()));
    }

    static dev.sharelinks.domain.Plan toPlan(Plan plan) {
        if (plan == null) {
            return null;
        }
        return new dev.sharelinks.domain.Plan(
                Boolean.TRUE.equals(plan.getRemoveWatermark()), Boolean.TRUE.equals(plan.getWhitelabelReports()));
    }

    static ApiKeyCreated toApiKeyCreated(IssuedApiKey issued) {
        return new ApiKeyCreated()
                .id(issued.key().id())
                .name(issued.key().name())
                .key(issued.secret())
                .createdAt(utc(issued.key().createdAt()));
    }

    static Persona toPersona(dev.sharelinks.domain.Persona persona) {
        return new Persona()
                .id(persona.id())
                .organizationId(persona.organizationId())
                .name(persona.name());
    }

    static Result toResult(StoredResult result) {
        return new Result()
                .id(Math.toIntExact(result.id()))
                .organizationId(result.organizationId())
                .createdAt(utc(result.createdAt()))
                .updatedAt(utc(result.updatedAt()));
    }

    static AuditEventPage toAuditEventPage(List<dev.sharelinks.domain.AuditEvent> events, String nextCursor) {
        return new AuditEventPage()
                .items(events.stream().map(AdminMapper::toAuditEvent).toList())
                .nextCursor(nextCursor);
    }

    private static AuditEvent toAuditEvent(dev.sharelinks.domain.AuditEvent event) {
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        event.changes()
                .forEach((field, change) ->
                        changes.put(field, new AuditChange().from(change.from()).to(change.to())));
        return new AuditEvent()
                .id(event.id())
                .occurredAt(utc(event.occurredAt()))
                .organizationId(event.organizationId())
                .actor(new AuditEventActor()
                        .type(AuditActorType.fromValue(code(event.actor().type())))
                        .id(
                                event.actor().id() == null
                                        ? null
                                        : event.actor().id().toString()))
                .action(event.action())
                .target(new AuditEventTarget()
                        .type(AuditTargetType.fromValue(code(event.targetType())))
                        .id(event.targetId()))
                .changes(changes);
    }

    static AuditActor.Type toActorType(AuditActorType type) {
        return type == null ? null : AuditActor.Type.valueOf(type.getValue().toUpperCase(Locale.ROOT));
    }

    static dev.sharelinks.domain.AuditEvent.TargetType toTargetType(AuditTargetType type) {
        return type == null
                ? null
                : dev.sharelinks.domain.AuditEvent.TargetType.valueOf(
                        type.getValue().toUpperCase(Locale.ROOT));
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
