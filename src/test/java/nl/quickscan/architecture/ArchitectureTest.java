package nl.quickscan.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package graph the README describes: features on top of a few shared packages, with no way back. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Micronaut's generated bean definitions ($Definition, $Intercepted) tie packages together that the
        // source does not; they are not ours to arrange.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("$Definition") && !location.contains("$Intercepted")
                        && !location.contains("$Introspection") && !location.contains("$ReflectConfig"))
                .importPackages("nl.quickscan");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("nl.quickscan.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Scoring, benchmark figures, survey reading and the verbeterplan's rules are plain Java: only their controllers speak HTTP. */
    @Test
    void domainDoesNotSpeakHttp() {
        noClasses().that().resideInAnyPackage("nl.quickscan.scoring..", "nl.quickscan.benchmark..", "nl.quickscan.surveys..",
                        "nl.quickscan.plans..")
                .and().areNotAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
                .check(classes);
    }

    /** The shared packages at the bottom know nothing of the features built on them. */
    @Test
    void sharedPackagesDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("nl.quickscan.web..", "nl.quickscan.identity..", "nl.quickscan.database..",
                        "nl.quickscan.text..", "nl.quickscan.errors..", "nl.quickscan.time..", "nl.quickscan.mail..",
                        "nl.quickscan.operations..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.quickscan.accounts..", "nl.quickscan.tenancy..",
                        "nl.quickscan.scans..", "nl.quickscan.scoring..", "nl.quickscan.benchmark..",
                        "nl.quickscan.surveys..", "nl.quickscan.reports..", "nl.quickscan.home..", "nl.quickscan.demo..",
                        "nl.quickscan.audit..", "nl.quickscan.plans..")
                .check(classes);
    }

    /** What users read is formatted in plain Java, so that pages, PDFs and workbooks can all use it. */
    @Test
    void textIsPlainJava() {
        classes().that().resideInAPackage("nl.quickscan.text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.quickscan.text..", "nl.quickscan.time..")
                .check(classes);
    }
}
