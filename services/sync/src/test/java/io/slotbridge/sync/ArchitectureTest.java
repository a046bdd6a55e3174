package io.slotbridge.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The decider stays a pure function: plain Java over the contracts, no Spring, no adapters, no I/O, no clock. */
@AnalyzeClasses(packages = "io.slotbridge.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_knows_no_framework = noClasses()
            .that()
            .resideInAPackage("..sync.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "jakarta..",
                    "java.sql..",
                    "javax.sql..",
                    "com.fasterxml.jackson..",
                    "io.micrometer..",
                    "org.slf4j..",
                    "io.slotbridge.platform..");

    @ArchTest
    static final ArchRule domain_knows_no_adapters = noClasses()
            .that()
            .resideInAPackage("..sync.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..sync.app..", "..sync.config..", "..sync.jdbc..", "..sync.kafka..", "..sync.web..");

    @ArchTest
    static final ArchRule domain_reads_no_clock = noClasses()
            .that()
            .resideInAPackage("..sync.domain..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.lang.System.class, "currentTimeMillis")
            .because("time comes in with the input, so a decision can be replayed");

    @ArchTest
    static final ArchRule adapters_do_not_use_each_other = noClasses()
            .that()
            .resideInAnyPackage("..sync.kafka..", "..sync.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..sync.jdbc..");
}
