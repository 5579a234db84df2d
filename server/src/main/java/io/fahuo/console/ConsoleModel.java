package io.fahuo.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.fahuo.tenancy.FahuoPrincipal;

/** What every console page shows besides its own content. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("currentUser")
    String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof FahuoPrincipal p) {
            return p.subject().startsWith("user:") ? p.subject().substring(5) : p.subject();
        }
        return null;
    }
}
