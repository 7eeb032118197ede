package vn.ocop.traceability.epcis;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.UUID;
import vn.ocop.traceability.gs1.Gs1;

/**
 * The identifiers this service writes into EPCIS events. Lots of products with a GTIN get the canonical GS1 Digital
 * Link URI ({@code https://id.gs1.org/01/{GTIN-14}/10/{lot}}), as EPCIS 2.0 recommends; lots of products without one
 * get the short URI their label carries ({@code {resolver}/t/{code}}). Places, packings, orders and shipments that
 * have no GS1 key (no GLN, no SSCC) get HTTP URIs under the resolver base: {@code {resolver}/id/place/area/{code}}
 * (a growing area, by its official code), {@code {resolver}/id/place/seller/{id}} (a seller's premises),
 * {@code {resolver}/id/packing/{id}}, {@code {resolver}/id/order/{number}},
 * {@code {resolver}/id/shipment/{carrier}/{tracking number}}; our own extension keys live in the namespace
 * {@code {resolver}/ns/epcis#} (prefix {@code ocop}).
 */
@Singleton
public final class EpcisUris {

    static final String GS1_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final String CANONICAL_DIGITAL_LINK = "https://id.gs1.org";

    private final String base;

    EpcisUris(@Value("${ocop.traceability.resolver-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    /** The class-level identifier of a lot. */
    String lot(KnownLot lot) {
        return lot.gtin14()
                .map(gtin14 -> CANONICAL_DIGITAL_LINK + "/01/" + gtin14 + "/10/" + Gs1.encode(lot.code()))
                .orElseGet(() -> base + "/t/" + Gs1.encode(lot.code()));
    }

    /**
     * A serialised unit of a lot, as its label's QR code names it: {@code .../01/{GTIN-14}/10/{lot}/21/{serial}}, or
     * {@code {resolver}/t/{code}/{serial}} for a product without a GTIN.
     */
    String unit(KnownLot lot, String serial) {
        return lot(lot) + (lot.gtin14().isPresent() ? "/21/" : "/") + Gs1.encode(serial);
    }

    public String growingArea(String code) {
        return base + "/id/place/area/" + Gs1.encode(code);
    }

    public String seller(UUID sellerId) {
        return base + "/id/place/seller/" + sellerId;
    }

    String packing(UUID packingId) {
        return base + "/id/packing/" + packingId;
    }

    String order(String orderNumber) {
        return base + "/id/order/" + Gs1.encode(orderNumber);
    }

    String shipment(String carrier, String trackingNumber) {
        return base + "/id/shipment/" + Gs1.encode(carrier) + "/" + Gs1.encode(trackingNumber);
    }

    String namespace() {
        return base + "/ns/epcis#";
    }
}
