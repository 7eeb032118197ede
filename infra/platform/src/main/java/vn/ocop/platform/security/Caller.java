package vn.ocop.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, read from the verified token: account id ({@code sub}), roles, and for officers the province
 * they are scoped to ({@code province} claim, a post-2025 province code).
 */
public record Caller(UUID accountId, Collection<String> roles, @Nullable String province) {

    public static final String PROVINCE_CLAIM = "province";

    public static Caller of(Authentication authentication) {
        Object province = authentication.getAttributes().get(PROVINCE_CLAIM);
        return new Caller(UUID.fromString(authentication.getName()), authentication.getRoles(),
                province == null ? null : province.toString());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public Optional<String> officerProvince() {
        return has(Roles.OFFICER) ? Optional.ofNullable(province) : Optional.empty();
    }
}
