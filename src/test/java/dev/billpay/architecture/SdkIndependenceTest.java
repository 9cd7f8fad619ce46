package dev.billpay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java SDK (sdk/java) is compiled here with the tests, on a classpath that has Vert.x and the whole
 * gateway; its own build (mvn -f sdk/java/pom.xml) has neither. This keeps the two builds in agreement: the
 * SDK's classes use the JDK, Jackson and themselves, nothing else.
 */
@DisplayName("The Java SDK")
class SdkIndependenceTest {
  private static final Path SDK_SOURCES = Path.of("sdk/java/src/main/java");

  /** A class of the SDK proper (not one of its tests): compiled from a file in sdk/java/src/main/java. */
  private static final DescribedPredicate<JavaClass> SDK_MAIN = new DescribedPredicate<>("are the SDK's main classes") {
    @Override
    public boolean test(JavaClass c) {
      String file = c.getSource().flatMap(source -> source.getFileName()).orElse("");
      return Files.exists(SDK_SOURCES.resolve(c.getPackageName().replace('.', '/')).resolve(file));
    }
  };

  @Test
  @DisplayName("depends on nothing but the JDK, Jackson and itself (no Vert.x, no gateway package)")
  void importsNoGatewayClass() {
    JavaClasses sdk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("dev.billpay.sdk");
    assertThat(sdk.stream().filter(SDK_MAIN)).as("SDK classes found on the test classpath").hasSizeGreaterThan(50);
    classes().that(SDK_MAIN).should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..", "dev.billpay.sdk..")
        .check(sdk);
  }
}
