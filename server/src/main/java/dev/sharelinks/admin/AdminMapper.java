package dev.sharelinks.admin;

import static dev.sharelinks.web.WireTime.utc;

import dev.sharelinks.domain.IssuedApiKey;
import dev.sharelinks.domain.StoredResult;
import dev.sharelinks.generated.admin.model.ApiKeyCreated;
import dev.sharelinks.generated.admin.model.Organization;
import dev.sharelinks.generated.admin.model.Persona;
import dev.sharelinks.generated.admin.model.Plan;
import dev.sharelinks.generated.admin.model.Result;

/** Domain objects to the operator API's wire format. */
final class AdminMapper {

    private AdminMapper() {
    }

    static Organization toOrganization(dev.sharelinks.domain.Organization org) {
        return new Organization()
                .id(org.id())
                .name(org.name())
                .plan(new Plan().removeWatermark(org.plan().removeWatermark())
                        .whitelabelReports(org.plan().whitelabelReports()))
                .customDomain(org.customDomain())
                .createdAt(utc(org.createdAt()));
    }

    static dev.sharelinks.domain.Plan toPlan(Plan plan) {
        if (plan == null) {
            return null;
        }
        return new dev.sharelinks.domain.Plan(Boolean.TRUE.equals(plan.getRemoveWatermark()),
                Boolean.TRUE.equals(plan.getWhitelabelReports()));
    }

    static ApiKeyCreated toApiKeyCreated(IssuedApiKey issued) {
        return new ApiKeyCreated()
                .id(issued.key().id())
                .name(issued.key().name())
                .key(issued.secret())
                .createdAt(utc(issued.key().createdAt()));
    }

    static Persona toPersona(dev.sharelinks.domain.Persona persona) {
        return new Persona().id(persona.id()).organizationId(persona.organizationId()).name(persona.name());
    }

    static Result toResult(StoredResult result) {
        return new Result().id(Math.toIntExact(result.id())).organizationId(result.organizationId())
                .createdAt(utc(result.createdAt())).updatedAt(utc(result.updatedAt()));
    }

}
