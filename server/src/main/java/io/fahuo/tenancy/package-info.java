/**
 * Tenants, their users and API tokens, and who is calling. Every other module scopes its data by the
 * tenant id this module resolves.
 */
package io.fahuo.tenancy;
