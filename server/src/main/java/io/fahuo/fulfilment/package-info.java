/**
 * The pipeline between "paid" and "shipped": hold rules, warehouse routing and stock reservation, waybill
 * issue, label, platform write-back and stock deduction. Each order's progress is a durable job; each
 * step is idempotent, so a crash at any point repeats a step but never doubles its effect.
 */
package io.fahuo.fulfilment;
