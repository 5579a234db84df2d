package io.fahuo.couriers.domain;

import java.util.Map;

/** A courier's call to Fahuo's webhook, as received: form fields (if any) and the raw body. */
public record PushRequest(String contentType, Map<String, String> form, String body) {

    public PushRequest {
        form = Map.copyOf(form);
    }
}
