package vn.ocop.traceability.lot;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * The serial number of one packed unit, for its label (GS1 AI 21 after the lot's GTIN and lot number).
 *
 * @param serial    random and unique across all lots, so that valid serials cannot be guessed
 * @param ordinal   1, 2, 3... within the lot, in the order generated, for printing ranges of labels
 */
@MappedEntity("lot_serials")
record LotSerial(@Id String serial, UUID lotId, UUID packingId, int ordinal, Instant createdAt) {
}
