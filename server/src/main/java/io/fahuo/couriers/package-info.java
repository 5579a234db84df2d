/**
 * Courier accounts and courier connectors (Kdniao, later SF direct): electronic waybills, cancellation.
 * Each courier lives in its own sub-package behind {@link io.fahuo.couriers.CourierConnector}.
 */
package io.fahuo.couriers;
