package vn.ocop.traceability.qr;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/**
 * What labels need of a unit's serial number (read from the lot's serials, which packing writes): the serial and its
 * place, 1, 2, 3..., in the lot.
 */
@MappedEntity("lot_serials")
record LabelSerial(@Id String serial, UUID lotId, int ordinal) {
}
