package io.fahuo.couriers.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.couriers.Couriers;
import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.PushAnswer;
import io.fahuo.couriers.domain.PushRequest;
import io.fahuo.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Couriers' pushes: {@code POST /webhooks/kdniao}, {@code POST /webhooks/sf}, … one path per provider. The
 * caller is authenticated by the courier's own signature (checked by its connector), not by an API token.
 */
@RestController
class CourierWebhooks {

    private final Couriers couriers;

    CourierWebhooks(Couriers couriers) {
        this.couriers = couriers;
    }

    @PostMapping("/webhooks/{provider}")
    ResponseEntity<String> receive(@PathVariable String provider, HttpServletRequest request) throws IOException {
        CourierProvider p = Arrays.stream(CourierProvider.values()).filter(v -> v.name().equalsIgnoreCase(provider)).findFirst()
                .orElseThrow(() -> new NotFoundException("no courier webhook '" + provider + "'"));
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        Map<String, String> form = new LinkedHashMap<>();
        String body = "";
        if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            request.getParameterMap().forEach((k, v) -> form.put(k, v.length == 0 ? "" : v[0]));
        } else {
            body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        PushAnswer answer = couriers.receivePush(p, new PushRequest(contentType, form, body));
        return ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.contentType())).body(answer.body());
    }
}
