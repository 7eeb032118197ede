package vn.ocop.identity.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * An account as its owner and its tokens see it.
 *
 * @param id          the account id, the tokens' {@code sub}
 * @param displayName the name shown to others
 * @param phone       national-form mobile number, if any
 * @param email       lower-cased e-mail, if any
 * @param roles       roles granted, sorted
 * @param province    for officers, the province code they are scoped to
 */
@Serdeable
public record AccountProfile(UUID id, String displayName, @Nullable String phone, @Nullable String email,
                             List<String> roles, @Nullable String province) {
}
