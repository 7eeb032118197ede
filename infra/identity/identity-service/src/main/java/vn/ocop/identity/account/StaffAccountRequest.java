package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account an administrator creates for an officer, a helper or another administrator.
 *
 * @param provinceCode required for officers (the province they are scoped to), refused for the others
 */
@Serdeable
record StaffAccountRequest(@NotBlank @Size(max = 100) String displayName,
                           @Nullable @Size(max = 30) String phone,
                           @Nullable @Size(max = 320) String email,
                           @NotNull @Size(min = 8, max = 128) String password,
                           @NotNull StaffRole role,
                           @Nullable @Pattern(regexp = "\\d{2}") String provinceCode) {

    NewAccount toNewAccount() {
        return new NewAccount(displayName, phone, email, password, role.name(), provinceCode, null);
    }
}
