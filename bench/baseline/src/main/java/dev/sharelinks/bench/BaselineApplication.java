package dev.sharelinks.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework ceiling: the same Spring Boot version, Tomcat and Jackson as the server, no database, no
 * security, constant JSON of about the size of a public link status.
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

    private static final Map<String, Object> BODY = new LinkedHashMap<>();

    static {
        BODY.put("personaId", "3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
        BODY.put("personaName", "Support persona");
        BODY.put("type", "LINK");
        BODY.put("available", true);
        BODY.put("reason", null);
        BODY.put("removeWatermark", false);
        BODY.put("remainingUses", 1000);
        BODY.put("expiresAt", "2036-04-27T10:00:00.000Z");
    }

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @GetMapping("/constant")
    Map<String, Object> constant() {
        return BODY;
    }

    @PostMapping("/constant")
    Map<String, Object> constantPost() {
        return BODY;
    }
}
