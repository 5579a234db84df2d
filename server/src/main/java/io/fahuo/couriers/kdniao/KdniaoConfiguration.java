package io.fahuo.couriers.kdniao;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KdniaoSettings.class)
class KdniaoConfiguration {

    @Bean
    KdniaoConnector kdniaoConnector(KdniaoSettings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return new KdniaoConnector(new KdniaoClient(http, settings), settings, clock);
    }
}
