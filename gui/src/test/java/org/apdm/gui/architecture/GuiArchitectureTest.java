package org.apdm.gui.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The window's rules (docs/architecture.md): an adapter over core, views without file access, no command line. */
class GuiArchitectureTest {

    private static final JavaClasses GUI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.apdm.gui");

    @Test
    void theWindowDoesNotUseTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apdm.cli..", "picocli..")
                .because("cli and gui are independent adapters over core; the app module joins them (ADR 0001)")
                .check(GUI);
    }

    @Test
    void viewsNeitherTouchFilesNorRunOperations() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName(Files.class.getName())
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Operation")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Scanner")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apdm.core.fileops.FileEngine")
                .because("views bind to view models; view models call core (ADR 0040)")
                .check(GUI);
    }

    @Test
    void onlyTheConfigurationWriterReplacesAFileAndNothingDeletesOne() {
        noClasses().that().doNotHaveSimpleName("ConfigFileWriter")
                .should().callMethod(Files.class, "move", Path.class, Path.class, java.nio.file.CopyOption[].class)
                .orShould().callMethod(Files.class, "copy", Path.class, Path.class, java.nio.file.CopyOption[].class)
                .orShould().callMethod(Files.class, "delete", Path.class)
                .orShould().callMethod(Files.class, "deleteIfExists", Path.class)
                .orShould().callMethod(Files.class, "createLink", Path.class, Path.class)
                .because("frames move only through the core's file engine; the window writes only its configuration (ADR 0044)")
                .check(GUI);
        noClasses().should().callMethod(Files.class, "delete", Path.class)
                .orShould().callMethod(Files.class, "deleteIfExists", Path.class)
                .check(GUI);
    }
}
