/**
 * Warehouses (with the sender real-name profile couriers require), SKUs and the stock ledger:
 * reserve on routing, release on cancel, deduct on ship, never oversell.
 */
package io.fahuo.inventory;
