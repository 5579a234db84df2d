/** Printing domain types: plain Java, no framework. */
@org.springframework.modulith.NamedInterface("domain")
package io.fahuo.printing.domain;
