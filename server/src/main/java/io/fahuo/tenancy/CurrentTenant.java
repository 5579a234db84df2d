package io.fahuo.tenancy;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The tenant of the authenticated caller of the current request. */
public final class CurrentTenant {

    private CurrentTenant() {
    }

    public static FahuoPrincipal principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof FahuoPrincipal p) {
            return p;
        }
        throw new IllegalStateException("no authenticated Fahuo principal on this thread");
    }

    public static long id() {
        return principal().tenantId();
    }
}
