package io.fahuo.shared.crypto;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    SecretBox secretBox(@Value("${fahuo.data-dir}") String dataDir) {
        return new SecretBox(DataKey.load(System.getenv(DataKey.ENV), Path.of(dataDir)));
    }
}
