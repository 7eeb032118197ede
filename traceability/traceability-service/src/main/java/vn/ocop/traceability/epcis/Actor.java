package vn.ocop.traceability.epcis;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Who stores events, and whose lots they may concern.
 *
 * @param accountId   the account capturing through the API; none for events this service records from its own flows
 * @param sellerScope the seller whose lots the events may concern; none for an admin (any seller's lots)
 * @param source      {@code capture} for the API, else the flow that records them (e.g. {@code OrderShipped})
 */
public record Actor(@Nullable UUID accountId, @Nullable UUID sellerScope, String source) {

    static final String CAPTURE = "capture";

    /** A caller of the capture API: a seller for their own lots, an admin for any. */
    static Actor of(Caller caller) {
        return new Actor(caller.accountId(), caller.has(Roles.ADMIN) ? null : caller.accountId(), CAPTURE);
    }

    /** This service recording events for a seller's lots from one of its flows. */
    public static Actor recorder(UUID sellerId, String source) {
        return new Actor(null, sellerId, source);
    }

    boolean mayWrite(KnownLot lot) {
        return sellerScope == null || sellerScope.equals(lot.sellerId());
    }
}
