/** Fulfilment rules: plain Java, no framework. */
@org.springframework.modulith.NamedInterface("domain")
package io.fahuo.fulfilment.domain;
