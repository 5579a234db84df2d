/**
 * Shipments (the parcels of an order) with their waybills, and the labels printed for them.
 */
package io.fahuo.shipments;
