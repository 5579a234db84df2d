package io.fahuo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.fahuo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Domain types are plain Java: no framework, no database, no HTTP. */
    @ArchTest
    static final ArchRule domainIsFrameworkFree = classes()
            .that().resideInAPackage("io.fahuo..domain..")
            .and().doNotHaveSimpleName("package-info")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.fahuo..domain..", "io.fahuo.shared")
            .because("business rules must be testable and readable without Spring, JDBC or HTTP");

    /** Mappers convert; clients talk. A mapper that does I/O could not be tested against documented payloads. */
    @ArchTest
    static final ArchRule mappersDoNoIo = noClasses()
            .that().haveSimpleNameEndingWith("Mapper")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.sql..", "org.springframework..");

    /** Only clients open HTTP connections to platforms and couriers. */
    @ArchTest
    static final ArchRule onlyClientsSendHttp = noClasses()
            .that().resideInAnyPackage("io.fahuo.platforms..", "io.fahuo.couriers..")
            .and().haveSimpleNameNotEndingWith("Client")
            .and().haveSimpleNameNotEndingWith("Configuration")
            .should().callMethod(java.net.http.HttpClient.class, "send", java.net.http.HttpRequest.class,
                    java.net.http.HttpResponse.BodyHandler.class);

    /** Simulators stand for other companies' systems: they must not reuse Fahuo's connector code. */
    @ArchTest
    static final ArchRule simulatorsAreIndependent = noClasses()
            .that().resideInAPackage("io.fahuo.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fahuo.platforms..", "io.fahuo.couriers..",
                    "io.fahuo.orders..", "io.fahuo.shipments..", "io.fahuo.fulfilment..", "io.fahuo.shared..");
}
