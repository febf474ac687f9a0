package dev.sharelinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The server's rooms, as Spring Modulith sees them: no cycles between modules, no module reaching into another's
 * internals, and every module saying what it is. The documentation of the arrangement is written to
 * target/spring-modulith-docs, and the README's "Code layout" must name every module.
 */
class ModularityTests {

    /** Generated code is the specs' (under target/), not a room of ours. */
    static final ApplicationModules MODULES = ApplicationModules.of(
            ShareLinksApplication.class,
            DescribedPredicate.describe(
                    "generated from the specs",
                    (JavaClass type) -> type.getPackageName().startsWith("dev.sharelinks.generated")));

    @Test
    void modulesFormADirectedGraphAndUseEachOthersApisOnly() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItIs() {
        for (ApplicationModule module : MODULES) {
            Path info =
                    Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java");
            assertThat(info).as(module.getIdentifier().toString()).exists();
        }
    }

    @Test
    void theReadmeLayoutNamesEveryModule() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String layout = readme.substring(readme.indexOf("## Code layout"));
        for (ApplicationModule module : MODULES) {
            assertThat(layout)
                    .as("README Code layout")
                    .contains("`" + module.getBasePackage().getName() + "`");
        }
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }
}
