/**
 * The web console at {@code /console}: server-rendered pages (Thymeleaf + htmx, ECharts) for merchants and
 * warehouse staff. It calls the same module services as the REST API and shows masked consumer data only.
 */
package io.fahuo.console;
