package io.fahuo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FahuoApplication {

    public static void main(String[] args) {
        SpringApplication.run(FahuoApplication.class, args);
    }
}
