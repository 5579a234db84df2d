/**
 * Orders as Fahuo knows them: taken in from the platforms (normalised), with masked receiver data for
 * display and the sensitive part sealed; their status, holds and timeline.
 */
package io.fahuo.orders;
