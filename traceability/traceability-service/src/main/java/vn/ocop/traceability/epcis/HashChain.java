package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The rule of a lot's hash chain: {@code hash_n = SHA-256(hash_(n-1) || JCS(event_n))}, where {@code hash_(n-1)} is
 * the previous link's hash as 64 lower-case hex characters (ASCII), {@code hash_0} is {@link #GENESIS}, and
 * {@code JCS(event_n)} is the RFC 8785 canonical form (UTF-8) of the event's JSON as captured.
 */
public final class HashChain {

    /** The value before a lot's first link: 64 zeros. */
    static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    static String link(String previousHash, String eventJson) {
        return EpcisJson.sha256(EpcisJson.utf8(previousHash), EpcisJson.canonical(eventJson));
    }

    /**
     * Recomputes a chain read back in position order and compares it with the stored hashes and the head.
     *
     * @param links the links, ordered by position
     * @param head  the chain head, or null when the lot has none
     */
    static Verification verify(String lotCode, List<ChainLink> links, @Nullable ChainHead head) {
        String previous = GENESIS;
        int expectedPosition = 1;
        for (ChainLink link : links) {
            if (link.position() != expectedPosition) {
                return Verification.broken(lotCode, links.size(),
                        new BrokenLink(expectedPosition, null, null, null, BrokenLink.MISSING_LINK));
            }
            String expected = link(previous, link.body());
            if (!expected.equals(link.hash())) {
                return Verification.broken(lotCode, links.size(),
                        new BrokenLink(link.position(), link.eventId(), expected, link.hash(), BrokenLink.HASH_MISMATCH));
            }
            previous = link.hash();
            expectedPosition++;
        }
        int headLength = head == null ? 0 : head.length();
        String headHash = head == null ? GENESIS : head.headHash();
        if (headLength != links.size() || !headHash.equals(previous)) {
            int position = Math.min(headLength, links.size() + 1);
            return Verification.broken(lotCode, links.size(),
                    new BrokenLink(Math.max(position, 1), null, previous, headHash, BrokenLink.HEAD_MISMATCH));
        }
        return new Verification(lotCode, true, links.size(), previous, null);
    }

    /**
     * What verifying a lot's chain found.
     *
     * @param lotCode    the lot
     * @param intact     whether every link and the head agree with a recomputation from the events as stored
     * @param length     how many links were read
     * @param headHash   the last link's hash, when intact
     * @param brokenLink the first link that does not agree, when not intact
     */
    @Serdeable
    public record Verification(String lotCode, boolean intact, int length, @Nullable String headHash,
                        @Nullable BrokenLink brokenLink) {

        static Verification broken(String lotCode, int length, BrokenLink link) {
            return new Verification(lotCode, false, length, null, link);
        }
    }

    /**
     * The first link of a chain that does not agree with its recomputation.
     *
     * @param position     the link's position (1 for the lot's first event)
     * @param eventId      its event's eventID, when the link exists
     * @param expectedHash the hash recomputed from the previous stored hash and the event as stored
     * @param storedHash   the hash stored with the link (for HEAD_MISMATCH: the head's)
     * @param reason       HASH_MISMATCH (the event or the hash was altered), MISSING_LINK (a link was removed from
     *                     the middle), HEAD_MISMATCH (links were removed from the end, or the head was altered)
     */
    @Serdeable
    public record BrokenLink(int position, @Nullable String eventId, @Nullable String expectedHash, @Nullable String storedHash,
                      String reason) {

        static final String HASH_MISMATCH = "HASH_MISMATCH";
        static final String MISSING_LINK = "MISSING_LINK";
        static final String HEAD_MISMATCH = "HEAD_MISMATCH";
    }
}
