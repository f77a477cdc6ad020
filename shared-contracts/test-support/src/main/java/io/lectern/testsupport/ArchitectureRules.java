package io.lectern.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The architecture rules every service's own test applies to itself: package by feature, and no
 * code from another service (only shared-contracts and the platform defaults may be shared).
 */
public final class ArchitectureRules {

    /** Root packages of all services; a service may depend on none but its own. */
    public static final List<String> SERVICES = List.of(
            "io.lectern.identity",
            "io.lectern.content",
            "io.lectern.learning",
            "io.lectern.ai",
            "io.lectern.billing",
            "io.lectern.notify",
            "io.lectern.gateway");

    private ArchitectureRules() {}

    public static JavaClasses importService(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Applies every rule to the service rooted at {@code rootPackage}. */
    public static void check(String rootPackage) {
        JavaClasses classes = importService(rootPackage);
        for (ArchRule rule : rules(rootPackage)) {
            rule.check(classes);
        }
    }

    public static List<ArchRule> rules(String rootPackage) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(rootPackage))
                .map(s -> s + "..")
                .toArray(String[]::new);
        ArchRule noOtherService = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share only shared-contracts and the platform defaults");
        ArchRule packageByFeature = noClasses()
                .should()
                .resideInAnyPackage(
                        rootPackage + ".controller..",
                        rootPackage + ".controllers..",
                        rootPackage + ".service..",
                        rootPackage + ".services..",
                        rootPackage + ".repository..",
                        rootPackage + ".repositories..",
                        rootPackage + ".model..",
                        rootPackage + ".entity..",
                        rootPackage + ".dto..")
                .because("code is packaged by feature (post/, series/), not by layer");
        // One composition root: configuration classes and @Bean methods live in config/ only (the
        // application class at the root may carry @SpringBootApplication, nothing else).
        ArchRule onlyConfigWires = noClasses()
                .that()
                .resideOutsideOfPackage(rootPackage + ".config..")
                .and()
                .areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .should()
                .beAnnotatedWith("org.springframework.context.annotation.Configuration")
                .orShould()
                .beAnnotatedWith("org.springframework.boot.context.properties.EnableConfigurationProperties")
                .because("wiring happens in the service's config/ package")
                .allowEmptyShould(true);
        ArchRule beansOnlyInConfig = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .that()
                .areAnnotatedWith("org.springframework.context.annotation.Bean")
                .should()
                .beDeclaredInClassesThat()
                .resideOutsideOfPackage(rootPackage + ".config..")
                .because("beans are declared in the service's config/ package")
                .allowEmptyShould(true);
        return List.of(noOtherService, packageByFeature, onlyConfigWires, beansOnlyInConfig);
    }
}
