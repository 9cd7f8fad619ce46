package dev.billpay.reconciliation.camt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The camt reader is a file-format package like bai2: the JDK and the two statement contracts, nothing else. */
@DisplayName("camt package")
class CamtPackageTest {
  private static final Set<String> CONTRACTS = Set.of("dev.billpay.reconciliation.BankStatement",
      "dev.billpay.reconciliation.BankTransaction");

  @Test
  @DisplayName("depends only on the JDK (StAX included) and BankStatement/BankTransaction")
  void dependsOnlyOnTheJdkAndTheContracts() {
    JavaClasses camt = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.billpay.reconciliation.camt");
    noClasses().should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are outside the JDK, this package"
        + " and the two contracts") {
      @Override
      public boolean test(JavaClass target) {
        JavaClass base = target.getBaseComponentType();
        String name = base.getName();
        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
        return !(base.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.xml.")
            || base.getPackageName().equals("dev.billpay.reconciliation.camt") || CONTRACTS.contains(outer));
      }
    }).check(camt);
  }
}
