package vn.ocop.catalog.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.catalog.registry.OcopGroup;
import vn.ocop.catalog.seller.Acting;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.text.SearchKeys;

/**
 * A seller's product. {@code revision} counts the snapshots buyers could see: it grows with every change made while
 * the product is published, so that other services keep only the newest copy.
 *
 * @param certificateId     the OCOP certificate the seller claims for it
 * @param certificateStatus {@code CLAIMED}, then {@code APPROVED} or {@code REJECTED} by an officer
 * @param suspendedBy       who took it off sale: the seller's side (SELLER, HELPER) or an official (OFFICER, ADMIN)
 */
@MappedEntity("products")
public record Product(@Id UUID id, UUID sellerId, String name, @Nullable String nameEn, String searchKey,
                      @Nullable String description, @Nullable String descriptionEn, OcopGroup ocopGroup,
                      @Nullable String category, @Nullable String originCommuneCode,
                      @Nullable @TypeDef(type = DataType.JSON) List<String> images, @Nullable String gtin,
                      @Nullable UUID certificateId, @Nullable CertificateClaim certificateStatus,
                      @Nullable String certificateNote, ProductStatus status, long revision, @Nullable Instant publishedAt,
                      @Nullable Acting.Role suspendedBy, @Nullable String statusReason, Instant createdAt,
                      Instant updatedAt, @Version long version) {

    /** Where a product's claim to an OCOP certificate stands. */
    public enum CertificateClaim { CLAIMED, APPROVED, REJECTED }

    private static final Set<Acting.Role> OFFICIALS = Set.of(Acting.Role.OFFICER, Acting.Role.ADMIN);

    static Product draft(UUID id, UUID sellerId, ProductDetails d, Instant now) {
        return new Product(id, sellerId, d.name().strip(), blankToNull(d.nameEn()), searchKey(d), d.description(),
                d.descriptionEn(), d.ocopGroup(), blankToNull(d.category()), d.originCommuneCode(), images(d), d.gtin(), null,
                null, null, ProductStatus.DRAFT, 0, null, null, null, now, now, 0);
    }

    public boolean published() {
        return status == ProductStatus.PUBLISHED;
    }

    /** Put on sale: a draft, or a product its own side suspended; one an official suspended only by an official. */
    Product publish(Acting.Role by, Instant now) {
        if (status == ProductStatus.PUBLISHED) {
            throw ProblemException.conflict("product_already_published", "Product {0} is already published", id);
        }
        if (status == ProductStatus.SUSPENDED && OFFICIALS.contains(suspendedBy) && !OFFICIALS.contains(by)) {
            throw ProblemException.forbidden("suspended_by_official",
                    "Product {0} was suspended by the trade office; only the trade office can put it back on sale", id);
        }
        return new Product(id, sellerId, name, nameEn, searchKey, description, descriptionEn, ocopGroup, category,
                originCommuneCode, images, gtin, certificateId, certificateStatus, certificateNote, ProductStatus.PUBLISHED,
                revision + 1, now, null, null, createdAt, now, version);
    }

    Product suspend(Acting.Role by, String reason, Instant now) {
        if (status != ProductStatus.PUBLISHED) {
            throw ProblemException.conflict("product_not_published", "Product {0} is not on sale", id);
        }
        return new Product(id, sellerId, name, nameEn, searchKey, description, descriptionEn, ocopGroup, category,
                originCommuneCode, images, gtin, certificateId, certificateStatus, certificateNote, ProductStatus.SUSPENDED,
                revision + 1, publishedAt, by, reason, createdAt, now, version);
    }

    /** New details; a change to a published product is a new revision. */
    Product edit(ProductDetails d, Instant now) {
        return new Product(id, sellerId, d.name().strip(), blankToNull(d.nameEn()), searchKey(d), d.description(),
                d.descriptionEn(), d.ocopGroup(), blankToNull(d.category()), d.originCommuneCode(), images(d), d.gtin(),
                certificateId, certificateStatus, certificateNote, status, published() ? revision + 1 : revision,
                publishedAt, suspendedBy, statusReason, createdAt, now, version);
    }

    /** Something buyers see changed elsewhere (a price, a new SKU). */
    Product touched(Instant now) {
        return new Product(id, sellerId, name, nameEn, searchKey, description, descriptionEn, ocopGroup, category,
                originCommuneCode, images, gtin, certificateId, certificateStatus, certificateNote, status,
                published() ? revision + 1 : revision, publishedAt, suspendedBy, statusReason, createdAt, now, version);
    }

    Product withCertificate(@Nullable UUID certificate, CertificateClaim claim, @Nullable String note, Instant now) {
        return new Product(id, sellerId, name, nameEn, searchKey, description, descriptionEn, ocopGroup, category,
                originCommuneCode, images, gtin, certificate, claim, note, status, published() ? revision + 1 : revision,
                publishedAt, suspendedBy, statusReason, createdAt, now, version);
    }

    private static String searchKey(ProductDetails d) {
        return SearchKeys.fold(d.name());
    }

    private static List<String> images(ProductDetails d) {
        return d.images() == null ? List.of() : List.copyOf(d.images());
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
