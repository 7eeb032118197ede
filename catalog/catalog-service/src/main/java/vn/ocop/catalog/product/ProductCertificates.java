package vn.ocop.catalog.product;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.catalog.registry.Certificate;
import vn.ocop.catalog.registry.CertificateRepository;
import vn.ocop.catalog.registry.CertificatesChanged;
import vn.ocop.catalog.seller.Acting;
import vn.ocop.catalog.seller.ActivityLog;
import vn.ocop.catalog.seller.DelegationScope;
import vn.ocop.catalog.seller.Delegations;
import vn.ocop.catalog.seller.Seller;
import vn.ocop.catalog.seller.SellerRepository;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * Links products to the OCOP registry: the seller (or a helper with CERTIFICATES) claims a certificate for a product,
 * an officer of the certificate's province approves or rejects the claim. Only an approved, valid certificate puts
 * stars on a listing.
 */
@Singleton
class ProductCertificates {

    private final ProductRepository products;
    private final Products catalog;
    private final SellerRepository sellers;
    private final CertificateRepository certificates;
    private final Delegations delegations;
    private final ActivityLog activity;
    private final ApplicationEventPublisher<ProductChanged> changes;
    private final Clock clock;

    ProductCertificates(ProductRepository products, Products catalog, SellerRepository sellers, CertificateRepository certificates,
                        Delegations delegations, ActivityLog activity, ApplicationEventPublisher<ProductChanged> changes,
                        Clock clock) {
        this.products = products;
        this.catalog = catalog;
        this.sellers = sellers;
        this.certificates = certificates;
        this.delegations = delegations;
        this.activity = activity;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Product claim(Caller caller, UUID productId, String certificateNumber) {
        Product product = products.findById(productId).orElseThrow(() -> Products.notFound(productId));
        if (caller.has(Roles.SELLER) && !caller.accountId().equals(product.sellerId())) {
            throw ProblemException.forbidden("not_your_product", "This product belongs to another seller");
        }
        Acting acting = delegations.authorize(caller, product.sellerId(), DelegationScope.CERTIFICATES);
        Certificate certificate = certificates.findByNumber(certificateNumber.strip())
                .orElseThrow(() -> ProblemException.unprocessable("certificate_not_found",
                        "No OCOP certificate {0} in the registry", certificateNumber));
        LocalDate today = VietnamTime.today(clock);
        if (!certificate.validOn(today)) {
            throw ProblemException.unprocessable("certificate_not_valid", "Certificate {0} is revoked or expired (valid until {1})",
                    certificate.number(), certificate.expiresOn());
        }
        Seller seller = sellers.findById(product.sellerId()).orElseThrow();
        if (certificate.subjectCode() != null && seller.businessCode() != null
                && !certificate.subjectCode().equals(seller.businessCode())) {
            throw ProblemException.unprocessable("certificate_other_subject",
                    "Certificate {0} was issued to another OCOP subject ({1})", certificate.number(), certificate.subjectName());
        }
        if (certificate.id().equals(product.certificateId()) && product.certificateStatus() != Product.CertificateClaim.REJECTED) {
            throw ProblemException.conflict("certificate_already_claimed", "Product {0} already claims certificate {1}",
                    productId, certificate.number());
        }
        Product claimed = products.update(product.withCertificate(certificate.id(), Product.CertificateClaim.CLAIMED, null,
                clock.instant()));
        activity.record(acting, "CERTIFICATE_CLAIMED", productId, claimed.name() + ": " + certificate.number());
        catalog.announce(claimed);
        changes.publishEvent(new ProductChanged(List.of(productId)));
        return claimed;
    }

    /** An officer of the certificate's province (or an admin) decides a pending claim. */
    @Transactional
    Product decide(Caller caller, UUID productId, boolean approve, @Nullable String note) {
        Product product = products.findById(productId).orElseThrow(() -> Products.notFound(productId));
        if (product.certificateStatus() != Product.CertificateClaim.CLAIMED) {
            throw ProblemException.conflict("no_pending_claim", "Product {0} has no certificate claim waiting", productId);
        }
        Certificate certificate = certificates.findById(product.certificateId()).orElseThrow();
        boolean admin = caller.has(Roles.ADMIN);
        if (!admin && !caller.officerProvince().map(certificate.provinceCode()::equals).orElse(false)) {
            throw ProblemException.forbidden("outside_province", "Certificate {0} is outside your province", certificate.number());
        }
        if (!approve && (note == null || note.isBlank())) {
            throw ProblemException.invalidField("note", "is required to reject a claim");
        }
        Product decided = products.update(product.withCertificate(certificate.id(),
                approve ? Product.CertificateClaim.APPROVED : Product.CertificateClaim.REJECTED, note, clock.instant()));
        activity.record(new Acting(caller.accountId(), product.sellerId(), admin ? Acting.Role.ADMIN : Acting.Role.OFFICER),
                approve ? "CERTIFICATE_APPROVED" : "CERTIFICATE_REJECTED", productId,
                certificate.number() + (note == null ? "" : ": " + note));
        catalog.announce(decided);
        changes.publishEvent(new ProductChanged(List.of(productId)));
        return decided;
    }

    /**
     * The registry changed certificates (stars, expiry, revocation): every published product holding one of them as
     * approved gets a new revision and snapshot, so that labels and scan pages elsewhere show the registry's word.
     */
    @EventListener
    void onCertificatesChanged(CertificatesChanged event) {
        if (event.certificateIds().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Product product : products.findByCertificateIdIn(event.certificateIds())) {
            if (product.published() && product.certificateStatus() == Product.CertificateClaim.APPROVED) {
                catalog.announce(products.update(product.touched(now)));
            }
        }
    }

    @Transactional(readOnly = true)
    List<Product> pending(Caller caller) {
        if (caller.has(Roles.ADMIN)) {
            return products.findPendingClaims(null);
        }
        return products.findPendingClaims(caller.officerProvince()
                .orElseThrow(() -> ProblemException.forbidden("not_an_officer", "Only trade office officers decide claims")));
    }
}
