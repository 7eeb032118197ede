package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import vn.ocop.platform.text.SearchKeys;

/**
 * A seller's profile as the seller (or a helper for it) sends it: who the OCOP subject is and where. Checked further
 * against the administrative units and the seller type by {@link SellerProfiles}. The payout account is set apart,
 * by the seller alone ({@link Payout}).
 */
@Serdeable
public record SellerProfile(@NotBlank @Size(max = 200) String displayName,
                            @NotNull SellerType sellerType,
                            @NotBlank @Size(max = 300) String legalName,
                            @NotBlank @Pattern(regexp = "[0-9A-Z-]{8,20}",
                                    message = "must be a tax code or business registration number") String businessCode,
                            @NotBlank @Size(max = 200) String representative,
                            @NotBlank @Pattern(regexp = PHONE, message = "must be a Vietnamese phone number like 0912345678")
                            String phone,
                            @Nullable @Email @Size(max = 254) String email,
                            @NotNull @Valid Address address) {

    static final String PHONE = "0\\d{9}";

    /** Street address (house number, street, hamlet) and the post-2025 province and commune. */
    @Serdeable
    public record Address(@NotBlank @Size(max = 300) String street,
                          @NotBlank @Pattern(regexp = "\\d{2}") String provinceCode,
                          @NotBlank @Pattern(regexp = "\\d{5}") String communeCode,
                          @Nullable @Pattern(regexp = "\\d{3}") String legacyDistrictCode) {
    }

    /** Where the seller's money goes: a bank account (by NAPAS BIN) or a mobile-money wallet. */
    @Serdeable
    public record Payout(@NotNull PayoutAccount.PayoutMethod method,
                         @Nullable @Pattern(regexp = "\\d{6}", message = "must be the bank's 6-digit BIN") String bankBin,
                         @Nullable @Pattern(regexp = "[0-9A-Za-z]{4,19}") String accountNumber,
                         @Nullable @Size(max = 100) String accountName,
                         @Nullable MobileWallet wallet,
                         @Nullable @Pattern(regexp = PHONE) String walletPhone) {

        /** What is stored: the holder's name as banks print it, "NGUYEN VAN A". */
        PayoutAccount account() {
            return switch (method) {
                case BANK_ACCOUNT -> new PayoutAccount(method, bankBin, accountNumber.toUpperCase(Locale.ROOT),
                        SearchKeys.toAscii(accountName).strip().toUpperCase(Locale.ROOT));
                case MOBILE_WALLET -> new PayoutAccount(method, wallet.name(), walletPhone, null);
            };
        }
    }

    /** Mobile-money wallets licensed in Viet Nam. */
    public enum MobileWallet { MOMO, ZALOPAY, VIETTEL_MONEY, VNPT_MONEY, SHOPEEPAY }
}
