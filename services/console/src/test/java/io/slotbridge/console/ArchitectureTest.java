package io.slotbridge.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Domain packages stay plain Java: no Spring, no Kafka, no JDBC, no servlet, no adapters of the console. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.slotbridge.console");

    @Test
    void domain_is_free_of_frameworks_and_io() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "java.net.http..",
                        "..app..",
                        "..web..",
                        "..client..",
                        "..kafka..")
                .check(classes);
    }
}
