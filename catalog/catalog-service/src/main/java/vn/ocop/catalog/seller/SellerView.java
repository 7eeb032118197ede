package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.LegacyDistrict;
import vn.ocop.catalog.locality.Province;

/**
 * A seller as others see it: what the e-commerce rules (Decree 85/2021) require a marketplace to show of a seller,
 * i.e. name, registration code, address and phone. The seller, officers of its province and admins also see the
 * e-mail, payout account and the reason for its status.
 */
@Serdeable
record SellerView(UUID id, String displayName, SellerType sellerType, String legalName, @Nullable String businessCode,
                  @Nullable String representative, @Nullable String phone, AddressView address, SellerStatus status,
                  Instant createdAt, @Nullable String email, @Nullable PayoutAccount payout, @Nullable String statusReason) {

    @Serdeable
    record AddressView(@Nullable String street, String communeCode, @Nullable String communeName, String provinceCode,
                       @Nullable String provinceName, @Nullable String legacyDistrictCode,
                       @Nullable String legacyDistrictName) {
    }

    static SellerView of(Seller s, AdminUnits units, boolean full) {
        var address = new AddressView(s.street(), s.communeCode(), units.commune(s.communeCode()).map(Commune::name).orElse(null),
                s.provinceCode(), units.province(s.provinceCode()).map(Province::name).orElse(null), s.legacyDistrictCode(),
                units.legacyDistrict(s.legacyDistrictCode()).map(LegacyDistrict::name).orElse(null));
        return new SellerView(s.id(), s.displayName(), s.sellerType(), s.legalName(), s.businessCode(), s.representative(),
                s.phone(), address, s.status(), s.createdAt(), full ? s.email() : null, full ? s.payout() : null,
                full ? s.statusReason() : null);
    }
}
