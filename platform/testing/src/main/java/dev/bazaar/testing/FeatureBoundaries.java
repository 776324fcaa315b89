package dev.bazaar.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The package-by-feature rules of every service, checked on its compiled main classes with ArchUnit
 * (no Spring context). A feature is a first-level package under the application's package
 * ({@code dev.bazaar.search.query}); the application's own package holds what wires them together.
 *
 * <pre>
 * class ArchitectureTests {
 *     &#64;Test
 *     void featuresAreFreeOfCyclesAndKeepTheirInternalsPackagePrivate() {
 *         FeatureBoundaries.verify(SearchApplication.class);
 *     }
 * }
 * </pre>
 *
 * <p>Spring Modulith's {@code ApplicationModules.verify()} was not used: it hides a module's
 * internals in public {@code internal} sub-packages, whereas our features are flat packages whose
 * internals are package-private, which Modulith does not check.
 */
public final class FeatureBoundaries {

    private FeatureBoundaries() {}

    /**
     * Checks both rules on the main classes in the application's package; uses from the module's
     * tests count too (a test in another package needs the class public).
     */
    public static void verify(Class<?> application) {
        String root = application.getPackageName();
        JavaClasses main = mainClasses(root);
        featuresAreFreeOfCycles(root).check(main);
        featuresExposeOnlyWhatOthersUse(root).check(main);
    }

    /** The main classes, imported with the module's tests and benchmarks so their uses are seen. */
    static JavaClasses mainClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root)
                .that(areMainCode());
    }

    private static DescribedPredicate<JavaClass> areMainCode() {
        return DescribedPredicate.describe(
                "main code",
                type -> type.getSource()
                        .map(source ->
                                ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(Location.of(source.getUri())))
                        .orElse(true));
    }

    /** No feature depends on itself through others: each can be read, changed and moved alone. */
    public static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature '$1'")
                .should()
                .beFreeOfCycles();
    }

    /**
     * A public top-level class in a feature is used by code outside that feature; anything used only
     * inside is package-private, so a feature's public classes are its API. A class with a public
     * constant is left out: the compiler copies constants into their users, so those uses leave no
     * trace in the class files.
     */
    public static ArchRule featuresExposeOnlyWhatOthersUse(String root) {
        return classes()
                .that()
                .resideInAPackage(root + ".*..")
                .and()
                .areTopLevelClasses()
                .and()
                .arePublic()
                .and(DescribedPredicate.not(declarePublicConstants()))
                .should(beUsedOutsideTheirFeature(root))
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> declarePublicConstants() {
        return DescribedPredicate.describe(
                "declare public constants",
                type -> type.getFields().stream()
                        .anyMatch(field -> field.getModifiers()
                                        .containsAll(
                                                Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                                && (field.getRawType().isPrimitive()
                                        || field.getRawType().isEquivalentTo(String.class))));
    }

    private static ArchCondition<JavaClass> beUsedOutsideTheirFeature(String root) {
        return new ArchCondition<>("be used outside their feature (else be package-private)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String feature = featureOf(root, type.getPackageName());
                boolean usedOutside = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> !feature.equals(
                                featureOf(root, dependency.getOriginClass().getPackageName())));
                if (!usedOutside) {
                    events.add(SimpleConditionEvent.violated(
                            type,
                            type.getName() + " is public but used only inside " + feature
                                    + ": make it package-private"));
                }
            }
        };
    }

    /** {@code dev.bazaar.search.query.x} → {@code dev.bazaar.search.query}; the root package is its own. */
    private static String featureOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return packageName;
        }
        int end = packageName.indexOf('.', root.length() + 1);
        return end < 0 ? packageName : packageName.substring(0, end);
    }
}
