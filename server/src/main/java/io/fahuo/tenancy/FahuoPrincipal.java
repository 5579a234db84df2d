package io.fahuo.tenancy;

/** Who is calling: a user or an API token of one tenant. */
public record FahuoPrincipal(long tenantId, String subject, String role) {
}
