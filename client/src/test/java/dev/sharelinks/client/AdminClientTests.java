package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sharelinks.client.admin.ApiClient;
import dev.sharelinks.client.admin.ApiException;
import dev.sharelinks.client.admin.api.AdminApi;
import dev.sharelinks.client.admin.model.ApiKeyCreate;
import dev.sharelinks.client.admin.model.Organization;
import dev.sharelinks.client.admin.model.OrganizationCreate;
import dev.sharelinks.client.admin.model.OrganizationUpdate;
import dev.sharelinks.client.admin.model.PersonaUpsert;
import dev.sharelinks.client.admin.model.Plan;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/** The generated operator-API client against the server's contract stubs. */
class AdminClientTests {

    static final UUID ORG = UUID.fromString("0d7c3f7e-5a1b-4c2d-9e8f-0a1b2c3d4e5f");
    static final UUID UNKNOWN_ORG = UUID.fromString("7b7b7b7b-0000-4000-8000-000000000404");
    static final UUID SPARE_KEY = UUID.fromString("6f2e3d4c-5b6a-4798-8b7c-6d5e4f3a2b1c");
    static final UUID NEW_PERSONA = UUID.fromString("2c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f");
    static final UUID OTHER_PERSONA = UUID.fromString("4a1f2b3c-5d6e-4f70-9b8c-1d2e3f4a5b6c");
    static final UUID PERSONA = UUID.fromString("3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    AdminApi admin;

    @BeforeEach
    void client() {
        admin = admin(ContractStubs.ADMIN_TOKEN);
    }

    private AdminApi admin(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(ContractStubs.baseUri(stubs));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new AdminApi(client);
    }

    @Test
    void organisations() throws ApiException {
        Organization created = admin.createOrganization(new OrganizationCreate()
                .name("Initech")
                .plan(new Plan().removeWatermark(false).whitelabelReports(true))
                .customDomain("reports.initech.example"));
        assertThat(created.getId()).isNotNull();
        assertThat(created.getPlan().getWhitelabelReports()).isTrue();

        Organization read = admin.getOrganization(ORG);
        assertThat(read.getName()).isEqualTo("Contract Co");
        assertThat(read.getCustomDomain()).isEqualTo("reports.contract.example");

        Organization changed = admin.updateOrganization(
                ORG,
                new OrganizationUpdate().plan(new Plan().removeWatermark(false)).customDomain(null));
        assertThat(changed.getPlan().getRemoveWatermark()).isFalse();
        assertThat(changed.getPlan().getWhitelabelReports()).isTrue();
        assertThat(changed.getCustomDomain()).isNull();
    }

    @Test
    void keysAndPersonas() throws ApiException {
        var key = admin.createApiKey(ORG, new ApiKeyCreate().name("ci pipeline"));
        assertThat(key.getKey()).matches("sk_[0-9A-Za-z]{32}");
        admin.deleteApiKey(ORG, SPARE_KEY);
        var persona = admin.putPersona(ORG, NEW_PERSONA, new PersonaUpsert().name("Onboarding guide"));
        assertThat(persona.getOrganizationId()).isEqualTo(ORG);
        admin.deletePersona(ORG, PERSONA);
    }

    @Test
    void errorsAreTyped() {
        assertStatus(() -> admin.getOrganization(UNKNOWN_ORG), 404);
        assertStatus(() -> admin.createApiKey(UNKNOWN_ORG, new ApiKeyCreate().name("ci")), 404);
        assertStatus(() -> admin.putPersona(ORG, OTHER_PERSONA, new PersonaUpsert().name("Mine now")), 409);
        assertStatus(() -> admin.createOrganization(new OrganizationCreate().name("")), 400);
        assertStatus(() -> admin("wrong-admin-token").getOrganization(ORG), 401);
    }

    interface Call {
        void run() throws ApiException;
    }

    static void assertStatus(Call call, int status) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(status));
    }
}
