package io.fahuo.tenancy.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.fahuo.tenancy.Users;

/** The console's form login: checks name and password against {@link Users}; the principal carries the tenant. */
class PasswordLogin implements AuthenticationProvider {

    private final Users users;

    PasswordLogin(Users users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        Object credentials = request.getCredentials();
        return users.authenticate(username, credentials == null ? null : credentials.toString())
                .map(p -> UsernamePasswordAuthenticationToken.authenticated(p, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + p.role()))))
                .orElseThrow(() -> new BadCredentialsException("wrong user name or password"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
