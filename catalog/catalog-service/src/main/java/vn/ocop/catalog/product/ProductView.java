package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.catalog.locality.Commune;
import vn.ocop.catalog.locality.Province;
import vn.ocop.catalog.registry.Certificate;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.catalog.seller.Acting;
import vn.ocop.catalog.seller.Seller;

/**
 * A product as buyers see it; its seller's side and officials also see the certificate claim and why it was
 * suspended. {@code ocop} (stars, certificate) is there only while an approved certificate is valid.
 */
@Serdeable
record ProductView(UUID id, String name, @Nullable String nameEn, @Nullable String description, @Nullable String descriptionEn,
                   OcopGroup ocopGroup, String ocopGroupLabel, @Nullable String category, @Nullable Place origin,
                   List<String> images, @Nullable String gtin, ProductStatus status, long revision, SellerSummary seller,
                   List<SkuView> skus, @Nullable Ocop ocop, @Nullable Instant publishedAt, @Nullable Claim certificateClaim,
                   @Nullable Acting.Role suspendedBy, @Nullable String statusReason) {

    @Serdeable
    record SellerSummary(UUID id, String displayName, String provinceCode, String communeCode) {
    }

    @Serdeable
    record SkuView(UUID id, String code, String label, String unit, long priceVnd, int weightGrams, int available) {
    }

    @Serdeable
    record Place(String communeCode, @Nullable String communeName, @Nullable String provinceCode,
                 @Nullable String provinceName) {
    }

    @Serdeable
    record Ocop(int stars, String certificateNumber, LocalDate validUntil) {
    }

    @Serdeable
    record Claim(String certificateNumber, Product.CertificateClaim status, @Nullable String note) {
    }

    static ProductView of(Product p, Seller seller, List<Sku> skus, @Nullable Certificate certificate, AdminUnits units,
                          LocalDate today, boolean privileged) {
        Place origin = p.originCommuneCode() == null ? null : place(p.originCommuneCode(), units);
        boolean showStars = certificate != null && p.certificateStatus() == Product.CertificateClaim.APPROVED
                && certificate.validOn(today);
        return new ProductView(p.id(), p.name(), p.nameEn(), p.description(), p.descriptionEn(), p.ocopGroup(),
                p.ocopGroup().label(), p.category(), origin, p.images() == null ? List.of() : p.images(), p.gtin(), p.status(),
                p.revision(), new SellerSummary(seller.id(), seller.displayName(), seller.provinceCode(), seller.communeCode()),
                skus.stream().map(s -> new SkuView(s.id(), s.code(), s.label(), s.unit(), s.priceVnd(), s.weightGrams(),
                        s.available())).toList(),
                showStars ? new Ocop(certificate.stars(), certificate.number(), certificate.expiresOn()) : null,
                p.publishedAt(),
                privileged && certificate != null ? new Claim(certificate.number(), p.certificateStatus(), p.certificateNote()) : null,
                privileged ? p.suspendedBy() : null, privileged ? p.statusReason() : null);
    }

    private static Place place(String communeCode, AdminUnits units) {
        Commune commune = units.commune(communeCode).orElse(null);
        String provinceCode = commune == null ? null : commune.provinceCode();
        return new Place(communeCode, commune == null ? null : commune.name(), provinceCode,
                units.province(provinceCode).map(Province::name).orElse(null));
    }
}
