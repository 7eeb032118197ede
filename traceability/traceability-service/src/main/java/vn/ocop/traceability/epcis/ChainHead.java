package vn.ocop.traceability.epcis;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * The head of a lot's hash chain.
 *
 * @param lotId     the lot
 * @param length    how many links the chain has
 * @param headHash  the hash of the last link, or {@link HashChain#GENESIS} when there is none
 * @param updatedAt when the last link was appended
 */
@MappedEntity("epcis_lot_chains")
record ChainHead(@Id UUID lotId, int length, String headHash, Instant updatedAt) {

    ChainHead appended(String hash, Instant at) {
        return new ChainHead(lotId, length + 1, hash, at);
    }
}
