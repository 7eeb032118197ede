package vn.ocop.identity.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account was created: by self-registration (buyers, sellers), or by an administrator (officers, helpers).
 *
 * @param accountId    the account's id, the {@code sub} of its tokens
 * @param displayName  the name shown to others
 * @param phone        Vietnamese mobile number in national form ({@code 0912345678}), if given
 * @param email        lower-cased e-mail, if given
 * @param roles        the roles granted
 * @param province     for officers, the post-2025 province code they are scoped to
 * @param seller       for seller registrations, what the applicant told us about their business
 * @param registeredAt when
 */
@Serdeable
public record AccountRegistered(UUID accountId, String displayName, @Nullable String phone, @Nullable String email,
                                List<String> roles, @Nullable String province, @Nullable SellerApplication seller,
                                Instant registeredAt) {

    public static final String TYPE = "AccountRegistered";
    public static final int VERSION = 1;

    /**
     * A seller's application, to be verified by an officer in catalog.
     *
     * @param sellerType   {@code HOUSEHOLD_BUSINESS}, {@code COOPERATIVE}, {@code COOPERATIVE_GROUP} or {@code ENTERPRISE}
     * @param legalName    registered business name
     * @param provinceCode post-2025 province code
     * @param communeCode  post-2025 commune code
     */
    @Serdeable
    public record SellerApplication(String sellerType, String legalName, String provinceCode, String communeCode) {
    }
}
