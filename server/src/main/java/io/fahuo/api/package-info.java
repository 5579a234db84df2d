/**
 * The REST API under {@code /api/v1}: a thin layer over the modules' services (the console uses the same
 * services). Bearer-token authenticated; errors as application/problem+json.
 */
package io.fahuo.api;
