package io.slotbridge.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The parsers and source rules are plain Java: no Spring, no Reactor, no Kafka, no web or config adapters. */
@AnalyzeClasses(packages = "io.slotbridge.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "reactor..",
                    "org.apache.kafka..",
                    "io.slotbridge.gateway.web..",
                    "io.slotbridge.gateway.kafka..",
                    "io.slotbridge.gateway.config..",
                    "io.slotbridge.platform.kafka..");
}
