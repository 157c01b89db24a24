package org.moviestream.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/**
 * The pipeline's packages (one per stage of the data) depend on each other one way only, and the
 * offset bookkeeping knows none of the data it tracks.
 */
public class PackageDependenciesTest {

  private static final JavaClasses PIPELINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.moviestream.pipeline");

  @Test
  public void noImportCircleBetweenThePackages() {
    slices().matching("org.moviestream.pipeline.(*)..").should().beFreeOfCycles().check(PIPELINE);
  }

  @Test
  public void durabilityKnowsNoStageOfTheData() {
    noClasses()
        .that()
        .resideInAPackage("..pipeline.durability..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..pipeline.ingest..",
            "..pipeline.failures..",
            "..pipeline.windows..",
            "..pipeline.cassandra..",
            "..pipeline.run..")
        .check(PIPELINE);
  }
}
