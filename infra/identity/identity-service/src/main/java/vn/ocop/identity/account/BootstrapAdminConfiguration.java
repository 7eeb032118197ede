package vn.ocop.identity.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import vn.ocop.platform.security.Roles;

/**
 * The first administrator ({@code ocop.identity.bootstrap-admin.*}, from {@code OCOP_ADMIN_EMAIL},
 * {@code OCOP_ADMIN_PHONE}, {@code OCOP_ADMIN_PASSWORD}, {@code OCOP_ADMIN_NAME}). Configured when a password
 * and a phone or an e-mail are given.
 */
@ConfigurationProperties("ocop.identity.bootstrap-admin")
record BootstrapAdminConfiguration(@Nullable String email, @Nullable String phone, @Nullable String password,
                                   @Nullable String displayName) {

    static final String DEFAULT_NAME = "Quản trị hệ thống";

    boolean configured() {
        return present(password) && (present(email) || present(phone));
    }

    NewAccount toNewAccount() {
        return new NewAccount(present(displayName) ? displayName : DEFAULT_NAME, phone, email, password,
                Roles.ADMIN, null, null);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
