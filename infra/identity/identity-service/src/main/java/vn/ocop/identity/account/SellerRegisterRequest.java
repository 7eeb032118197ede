package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ocop.identity.api.AccountRegistered;
import vn.ocop.platform.security.Roles;

/**
 * A seller signing up: what a buyer gives, plus the business that catalog will verify.
 *
 * @param provinceCode post-2025 province code (2 digits)
 * @param communeCode  post-2025 commune code (5 digits)
 */
@Serdeable
record SellerRegisterRequest(@NotBlank @Size(max = 100) String displayName,
                             @Nullable @Size(max = 30) String phone,
                             @Nullable @Size(max = 320) String email,
                             @NotNull @Size(min = 8, max = 128) String password,
                             @NotNull SellerType sellerType,
                             @NotBlank @Size(max = 200) String legalName,
                             @NotNull @Pattern(regexp = "\\d{2}") String provinceCode,
                             @NotNull @Pattern(regexp = "\\d{5}") String communeCode) {

    NewAccount toNewAccount() {
        var seller = new AccountRegistered.SellerApplication(sellerType.name(), legalName.trim(), provinceCode, communeCode);
        return new NewAccount(displayName, phone, email, password, Roles.SELLER, null, seller);
    }
}
