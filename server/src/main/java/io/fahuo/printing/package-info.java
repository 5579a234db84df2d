/**
 * Printing: print jobs of at most 50 labels (one merged document each, or sent to a raw thermal printer by a
 * durable job), the printers of each warehouse, pick lists for a batch, and print-component tasks for
 * platform waybills (Douyin, Cainiao) that only the platforms' own print components may render.
 */
package io.fahuo.printing;
