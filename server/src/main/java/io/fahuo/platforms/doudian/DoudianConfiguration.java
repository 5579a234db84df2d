package io.fahuo.platforms.doudian;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fahuo.platforms.TokenStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DoudianSettings.class)
class DoudianConfiguration {

    @Bean
    DoudianConnector doudianConnector(DoudianSettings settings, TokenStore tokens, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new DoudianConnector(new DoudianClient(http, settings, clock), tokens, clock, settings,
                new DoudianRateLimiter(settings.qps()));
    }
}
