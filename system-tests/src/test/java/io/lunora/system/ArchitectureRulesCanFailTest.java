package io.lunora.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The module rules of {@link ArchitectureTest} refuse deliberately bad fixtures
 * ({@code io.lunora.archfixture}, test sources only), and only them: a rule that cannot fail
 * would prove nothing about the modules it passes on.
 */
class ArchitectureRulesCanFailTest {
    static final JavaClasses fixtures = new ClassFileImporter().importPackages("io.lunora.archfixture");

    @Test
    void shouldRefuseACaughtAwsSdkExceptionOutsideAnAdapterPackage() {
        assertThatThrownBy(() -> ArchitectureTest.AWS_SDK_ONLY_IN_ADAPTERS.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.lunora.archfixture.leaky.LeakyService")
                .hasMessageContaining("ConditionalCheckFailedException")
                .hasMessageNotContaining("io.lunora.archfixture.dynamo.FixtureItems");
    }

    @Test
    void shouldRefuseAnAwsSdkTypeUsedOutsideAnAdapterPackage() {
        assertThatThrownBy(() -> ArchitectureTest.AWS_SDK_ONLY_IN_ADAPTERS.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.lunora.archfixture.leaky.LeakyClient")
                .hasMessageContaining("AttributeValue");
    }

    @Test
    void shouldAllowTheAwsSdkInAnAdapterPackage() {
        JavaClasses adapterAndPlainCode = new ClassFileImporter()
                .importPackages("io.lunora.archfixture.dynamo", "io.lunora.archfixture.first");
        assertThatCode(() -> ArchitectureTest.AWS_SDK_ONLY_IN_ADAPTERS.check(adapterAndPlainCode))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAPackageCycle() {
        assertThatThrownBy(() -> ArchitectureTest.NO_PACKAGE_CYCLES.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.first")
                .hasMessageContaining("archfixture.second");
    }

    @Test
    void shouldRefuseAControllerThatUsesAStore() {
        assertThatThrownBy(() -> ArchitectureTest.CONTROLLERS_GO_THROUGH_SERVICES.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.lunora.archfixture.web.ShortcutController")
                .hasMessageContaining("FixtureStore");
    }
}
