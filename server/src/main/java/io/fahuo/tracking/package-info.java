/**
 * Parcels after their waybill: the courier's trace kept line by line and normalised to one set of states,
 * subscriptions, pushes and polling as the safety net, the exceptions a merchant must look at (with rules
 * tuned per tenant), interception of parcels whose order was cancelled after shipping, and the courier
 * confirmation that hand-entered numbers need before they may reach a platform.
 */
package io.fahuo.tracking;
