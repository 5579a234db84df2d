/** A raw TCP thermal printer stand-in; published so the demo can point its printer at it. */
@org.springframework.modulith.NamedInterface("printer")
package io.fahuo.simulator.printer;
