package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

/**
 * Every operation of every spec has a hand-written implementation. A generated {@code …ApiDelegate} method
 * that nobody overrides answers 501 Not Implemented, which is what a regenerated vendor spec with a new
 * operation produces: this names each such operation and fails the build.
 */
@SpringBootTest
@ActiveProfiles("test")
class EveryOperationIsImplementedTests {

    @Autowired
    ApplicationContext context;

    @Test
    void noGeneratedDefaultIsLeft() throws Exception {
        List<String> generatedControllers = new ArrayList<>();
        List<String> unimplemented = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = AopUtils.getTargetClass(context.getBean(name));
            if (!type.getName().startsWith("dev.sharelinks.generated.")
                    || !type.getSimpleName().endsWith("ApiController")) {
                continue;
            }
            generatedControllers.add(type.getSimpleName());
            Object delegate = type.getMethod("getDelegate").invoke(context.getBean(name));
            Class<?> delegateInterface = type.getMethod("getDelegate").getReturnType();
            Class<?> implementation = AopUtils.getTargetClass(delegate);
            for (Method operation : delegateInterface.getDeclaredMethods()) {
                if (!operation.isDefault()
                        || Modifier.isStatic(operation.getModifiers())
                        || operation.getName().equals("getRequest")) {
                    continue;
                }
                Method actual = ClassUtils.getMostSpecificMethod(operation, implementation);
                if (actual.getDeclaringClass().equals(delegateInterface)) {
                    unimplemented.add(delegateInterface.getSimpleName() + "." + operation.getName());
                }
            }
        }
        assertThat(generatedControllers).as("generated controllers").hasSizeGreaterThanOrEqualTo(5);
        assertThat(unimplemented)
                .as("operations that still answer 501: implement them in a delegate")
                .isEmpty();
    }
}
