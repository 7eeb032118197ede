package vn.ocop.traceability.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * QR labels of a lot were printed (a label sheet was produced for its seller, an officer or an admin).
 *
 * @param lotId     the lot
 * @param lotCode   its public code
 * @param productId its product
 * @param sellerId  its seller
 * @param labels    how many labels the sheet holds
 * @param serials   whether they are labels of serialised units (each its own code) rather than copies of the lot's
 * @param printedAt when
 */
@Serdeable
public record LabelsPrinted(UUID lotId, String lotCode, UUID productId, UUID sellerId, int labels, boolean serials,
                            Instant printedAt) {

    public static final String TYPE = "LabelsPrinted";
    public static final int VERSION = 1;
}
