package dev.sharelinks.bench;

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

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @GetMapping("/constant")
    Map<String, Object> constant() {
        return ConstantAnswer.BODY;
    }

    @PostMapping("/constant")
    Map<String, Object> constantPost() {
        return ConstantAnswer.BODY;
    }
}
