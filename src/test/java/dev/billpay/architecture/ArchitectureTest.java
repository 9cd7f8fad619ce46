package dev.billpay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package layout as rules (docs/architecture.md draws the same arrows): the composition root
 * wires, features own their tables and talk to each other through their API classes, toolkits know
 * no feature, and no two packages depend on each other.
 */
@DisplayName("The architecture")
class ArchitectureTest {
  static final String BASE = "dev.billpay";
  /** Packages that wire the application together; nothing else may depend on them. */
  static final String[] COMPOSITION = {BASE + ".app..", BASE + ".cli.."};
  /** Shared building blocks that know no feature. */
  static final String[] TOOLKITS = {BASE + ".http..", BASE + ".shared..", BASE + ".db..", BASE + ".config..",
      BASE + ".crypto..", BASE + ".observability..", BASE + ".infra.."};
  /** Packages that a feature's repositories may be used from besides their own: the wiring and the command line. */
  static final java.util.Set<String> WIRING = java.util.Set.of(BASE + ".app", BASE + ".cli");

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(BASE);
  }

  @Test
  @DisplayName("no two packages depend on each other, directly or round a longer cycle")
  void noCycles() {
    check(slices().matching(BASE + ".(*)..").should().beFreeOfCycles());
  }

  @Test
  @DisplayName("toolkit packages (http, shared, db, config, crypto, observability, infra) import no feature")
  void toolkitsKnowNoFeature() {
    check(noClasses().that().resideInAnyPackage(TOOLKITS).should().dependOnClassesThat(
        new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are in a feature package or the composition root") {
          @Override
          public boolean test(JavaClass target) {
            return target.getPackageName().startsWith(BASE + ".") && !inAny(target, TOOLKITS);
          }
        }));
  }

  @Test
  @DisplayName("features do not depend on the composition root")
  void featuresDoNotDependOnTheCompositionRoot() {
    check(noClasses().that().resideOutsideOfPackages(COMPOSITION).should().dependOnClassesThat()
        .resideInAnyPackage(COMPOSITION));
  }

  @Test
  @DisplayName("a repository is used only by its own package and the composition root, so each table has one owner")
  void repositoriesStayInTheirPackage() {
    check(classes().that().haveSimpleNameEndingWith("Repository").should(beUsedOnlyFromOwnPackageOrWiring()));
  }

  @Test
  @DisplayName("domain code never builds HTTP answers: services and repositories know no router or request")
  void domainCodeSpeaksNoHttp() {
    check(noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
        .or().haveSimpleNameEndingWith("Transitions").should().dependOnClassesThat()
        .resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http.."));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }

  static boolean inAny(JavaClass c, String[] packages) {
    for (String p : packages) {
      String root = p.substring(0, p.length() - 2);
      if (c.getPackageName().equals(root) || c.getPackageName().startsWith(root + ".")) {
        return true;
      }
    }
    return false;
  }

  private static ArchCondition<JavaClass> beUsedOnlyFromOwnPackageOrWiring() {
    return new ArchCondition<>("be used only from their own package or " + WIRING) {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency d : repository.getDirectDependenciesToSelf()) {
          String from = d.getOriginClass().getPackageName();
          if (!from.equals(repository.getPackageName()) && !WIRING.contains(from)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}
