/** Tracking domain types and rules: plain Java, no framework. */
@org.springframework.modulith.NamedInterface("domain")
package io.fahuo.tracking.domain;
