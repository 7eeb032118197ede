package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ocop.platform.security.Roles;

/** A buyer signing up: a name, a Vietnamese mobile number or an e-mail (or both), a password. */
@Serdeable
record RegisterRequest(@NotBlank @Size(max = 100) String displayName,
                       @Nullable @Size(max = 30) String phone,
                       @Nullable @Size(max = 320) String email,
                       @NotNull @Size(min = 8, max = 128) String password) {

    NewAccount toNewAccount() {
        return new NewAccount(displayName, phone, email, password, Roles.BUYER, null, null);
    }
}
