package io.fahuo.platforms.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.fahuo.platforms.PlatformPushes;
import io.fahuo.platforms.doudian.DoudianPush;
import io.fahuo.platforms.domain.Platform;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Douyin's message push: {@code POST /webhooks/doudian}. The caller is authenticated by {@code event-sign}
 * (the app's secret), not by an API token. A signed push is acknowledged with the platform's
 * {@code {"code":0,"msg":"success"}} once its messages are recorded; an unsigned or wrongly signed one gets
 * 401 problem+json (the platform then pushes again, and a forger learns nothing).
 */
@RestController
class DoudianWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformPushes pushes;

    DoudianWebhook(PlatformPushes pushes) {
        this.pushes = pushes;
    }

    @PostMapping(path = "/webhooks/doudian")
    ResponseEntity<String> receive(@RequestHeader(name = "app-id", required = false) String appKey,
                                   @RequestHeader(name = "event-sign", required = false) String eventSign,
                                   HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (appKey == null || appKey.isBlank() || eventSign == null || eventSign.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "headers app-id and event-sign are required");
        }
        List<String> secrets = pushes.appSecrets(Platform.DOUDIAN, appKey.strip());
        if (secrets.stream().noneMatch(secret -> DoudianPush.verify(appKey.strip(), body, secret, eventSign))) {
            return problem(HttpStatus.UNAUTHORIZED, "event-sign does not match the body for app " + appKey.strip());
        }
        List<DoudianPush.Message> messages;
        try {
            messages = DoudianPush.parse(body);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        pushes.record(Platform.DOUDIAN, appKey.strip(), messages.stream()
                .map(m -> new PlatformPushes.Message(m.tag(), m.msgId(), m.shopId(), m.orderId(), m.isVerification())).toList());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DoudianPush.ACK);
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(JSON.writeValueAsString(p));
    }
}
