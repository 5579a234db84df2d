package io.fahuo.simulator;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * Runs only the simulators, as a separate process standing for the platforms (crash tests and benchmarks
 * kill Fahuo; the "platform" must survive). Deliberately not a {@code @Configuration}, so Fahuo's own
 * component scan never picks it up.
 */
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration"})
@ComponentScan(basePackageClasses = SimulatorServer.class)
@ConfigurationPropertiesScan(basePackageClasses = SimulatorServer.class)
public class SimulatorServer {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SimulatorServer.class);
        app.setDefaultProperties(Map.of("fahuo.sim.enabled", "true", "spring.application.name", "fahuo-simulators",
                "management.endpoints.web.exposure.include", "health"));
        app.run(args);
    }
}
