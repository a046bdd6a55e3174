package io.slotbridge.crmconnector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain logic stays plain Java; the port does not know its adapters. */
@AnalyzeClasses(packages = "io.slotbridge.crmconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses()
            .that()
            .resideInAPackage("..crmconnector.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "..crmconnector.app..",
                    "..crmconnector.amocrm..",
                    "..crmconnector.http..",
                    "..crmconnector.store..",
                    "..crmconnector.kafka..",
                    "..crmconnector.web..",
                    "java.net..",
                    "java.sql..");

    @ArchTest
    static final ArchRule the_port_does_not_know_the_amocrm_adapter = noClasses()
            .that()
            .resideInAPackage("..crmconnector.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..crmconnector.amocrm..");
}
