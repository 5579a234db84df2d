package io.fahuo.couriers.domain;

/** What Fahuo answers a courier's push, in the courier's own format. */
public record PushAnswer(int status, String contentType, String body) {
}
