package dev.sharelinks.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sharelinks.platform.InvalidInputException;
import dev.sharelinks.support.TestOrganization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** An organisation's brand: set through the operator API, checked on the way in, served safely. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BrandingTests {

    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AAX+Av6nNYGEAAAAAElFTkSuQmCC");
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganization org;

    @BeforeEach
    void anOrganisation() throws Exception {
        org = TestOrganization.create(mvc, "Brandable", true, true);
    }

    @Test
    void theBrandIsSetChangedAndRemovedThroughTheOperatorApi() throws Exception {
        mvc.perform(TestOrganization.admin(patch("/admin/v1/organizations/{id}", org.id()))
                        .content("{\"branding\": {\"displayName\": \"Brandable QA\", \"accentColor\": \"#2A55C9\","
                                + " \"logoUrl\": \"https://cdn.brandable.example/logo.svg\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branding.displayName").value("Brandable QA"))
                .andExpect(jsonPath("$.branding.accentColor").value("#2a55c9"))
                .andExpect(jsonPath("$.branding.logoUrl").value("https://cdn.brandable.example/logo.svg"))
                .andExpect(jsonPath("$.branding.uploadedLogo").value(false));
        mvc.perform(get("/brand/{id}/theme.css", org.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("--accent: #2a55c9; --accent-ink: #ffffff")));
        mvc.perform(TestOrganization.admin(patch("/admin/v1/organizations/{id}", org.id()))
                        .content("{\"branding\": {\"accentColor\": null}}"))
                .andExpect(jsonPath("$.branding.accentColor").isEmpty())
                .andExpect(jsonPath("$.branding.displayName").value("Brandable QA"));
        mvc.perform(get("/brand/{id}/theme.css", org.id())).andExpect(status().isNotFound());
    }

    @Test
    void badBrandInputIsA400AndStoresNothing() throws Exception {
        String before = stored();
        for (String branding : List.of(
                "{\"accentColor\": \"blue\"}",
                "{\"accentColor\": \"#12345\"}",
                "{\"logoUrl\": \"http://cdn.example/logo.png\"}",
                "{\"logoUrl\": \"javascript:alert(1)\"}",
                "{\"displayName\": \"\"}",
                "{\"displayName\": \"a\u202Eb\"}")) {
            mvc.perform(TestOrganization.admin(patch("/admin/v1/organizations/{id}", org.id()))
                            .content("{\"branding\": " + branding + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"));
        }
        for (String image : List.of(
                Base64.getEncoder().encodeToString("GIF89a not allowed".getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(new byte[256 * 1024 + 1]),
                "not base64 at all!",
                "")) {
            mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{id}/logo", org.id()))
                            .content("{\"image\": \"" + image + "\"}"))
                    .andExpect(status().isBadRequest());
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUploadedSvgIsServedWithItsTypeAndCannotRunScript() throws Exception {
        mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{id}/logo", org.id()))
                        .content("{\"image\": \"" + Base64.getEncoder().encodeToString(SVG) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branding.uploadedLogo").value(true));
        mvc.perform(get("/brand/{id}/logo", org.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("sandbox")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(SVG));
        // a PNG, told to be anything, is a PNG
        mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{id}/logo", org.id()))
                        .content("{\"image\": \"" + Base64.getEncoder().encodeToString(PNG) + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/brand/{id}/logo", org.id())).andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(TestOrganization.admin(delete("/admin/v1/organizations/{id}/logo", org.id())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/brand/{id}/logo", org.id()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"));
    }

    @Test
    void logoTypesAreReadFromTheBytes() {
        assertThat(Logo.typeOf(PNG)).isEqualTo("image/png");
        assertThat(Logo.typeOf(SVG)).isEqualTo("image/svg+xml");
        assertThat(Logo.typeOf("<?xml version=\"1.0\"?>\n<svg/>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("image/svg+xml");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Logo.typeOf(webp)).isEqualTo("image/webp");
        for (byte[] bad : List.of("<html><svg/></html>".getBytes(), "GIF89a".getBytes(), new byte[0])) {
            assertThatThrownBy(() -> Logo.typeOf(bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void textOnTheAccentIsAlwaysReadable() {
        for (String accent : List.of("#000000", "#ffffff", "#777777", "#2a55c9", "#ffd700", "#0b6e4f", "#7b2ff7")) {
            double accentLum = Brands.luminance(accent);
            double inkLum = Brands.luminance(Brands.inkOn(accent));
            double ratio = (Math.max(accentLum, inkLum) + 0.05) / (Math.min(accentLum, inkLum) + 0.05);
            assertThat(ratio).as(accent).isGreaterThanOrEqualTo(4.5);
        }
    }

    private String stored() {
        return jdbc.sql("select * from organizations where id = :id")
                        .param("id", org.id())
                        .query()
                        .listOfRows() + ""
                + jdbc.sql("select count(*) from organization_logos")
                        .query(Long.class)
                        .single();
    }
}
