package io.slotbridge.calendarconnector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.slotbridge.calendarconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Slot rules (lead links, echo detection, edits) are plain Java: no Spring, no Google client, no adapters. */
    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "com.google..",
                    "org.apache.kafka..",
                    "io.slotbridge.platform..",
                    "io.slotbridge.calendarconnector.google..",
                    "io.slotbridge.calendarconnector.sync..",
                    "io.slotbridge.calendarconnector.command..",
                    "io.slotbridge.calendarconnector.web..");

    /** Only the Google adapter talks to the Google client library. */
    @ArchTest
    static final ArchRule google_client_stays_in_its_adapter = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..calendarconnector.google..",
                    "..calendarconnector.sync..",
                    "..calendarconnector.command..",
                    "..calendarconnector.channel..",
                    "..calendarconnector.connect..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.api.services..");
}
