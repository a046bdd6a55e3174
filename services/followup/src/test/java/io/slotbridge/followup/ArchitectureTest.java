package io.slotbridge.followup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sequence engine stays plain Java; adapters depend on the domain, never the other way round. */
@AnalyzeClasses(packages = "io.slotbridge.followup", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java_without_io = noClasses()
            .that()
            .resideInAPackage("io.slotbridge.followup.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.yaml..",
                    "com.fasterxml..",
                    "java.sql..",
                    "java.net..",
                    "java.io..",
                    "io.slotbridge.platform..",
                    "io.slotbridge.followup.dsl..",
                    "io.slotbridge.followup.app..",
                    "io.slotbridge.followup.store..",
                    "io.slotbridge.followup.client..",
                    "io.slotbridge.followup.kafka..",
                    "io.slotbridge.followup.web..",
                    "io.slotbridge.followup.config..");

    @ArchTest
    static final ArchRule the_dsl_needs_no_spring = noClasses()
            .that()
            .resideInAPackage("io.slotbridge.followup.dsl..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.slotbridge.followup.app..");

    @ArchTest
    static final ArchRule the_wazzup_client_knows_nothing_of_runs = noClasses()
            .that()
            .resideInAPackage("io.slotbridge.followup.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.slotbridge.followup.app..",
                    "io.slotbridge.followup.store..",
                    "io.slotbridge.followup.domain..");
}
