package vn.ocop.traceability.lot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.traceability.epcis.EpcisRecorder;

/**
 * Packs lots into units and numbers units for their labels. Each write locks the lot's row first, so packings of one
 * lot draw from it one after the other and its serials are numbered without gaps or repeats.
 */
@Singleton
class Packings {

    static final int MAX_SERIALS_PER_REQUEST = 5_000;
    static final int MAX_LIMIT = 1_000;

    private final LotRepository lots;
    private final PackingRepositories.Packings packings;
    private final PackingRepositories.Serials serials;
    private final EpcisRecorder epcis;
    private final Clock clock;

    Packings(LotRepository lots, PackingRepositories.Packings packings, PackingRepositories.Serials serials,
             EpcisRecorder epcis, Clock clock) {
        this.lots = lots;
        this.packings = packings;
        this.serials = serials;
        this.epcis = epcis;
        this.clock = clock;
    }

    @Transactional
    PackingViews.PackingPart pack(String code, Caller caller, PackLot request) {
        Lot lot = lockOwned(code, caller);
        BigDecimal total = request.unitSize().multiply(BigDecimal.valueOf(request.unitCount())).setScale(3, RoundingMode.UNNECESSARY);
        Lot after = lots.update(lot.drawn(total, true));
        Packing packing = packings.save(new Packing(Ids.newId(), lot.id(), request.unitCount(),
                request.unitSize().setScale(3, RoundingMode.UNNECESSARY), request.packaging().strip(), clock.instant()));
        epcis.packed(packing.id(), lot.id(), total, List.of(), packing.createdAt());
        return part(after, packing, 0);
    }

    @Transactional(readOnly = true)
    List<PackingViews.PackingPart> ofLot(String code, Caller caller) {
        Lot lot = readable(code, caller);
        return packings.findByLotIdOrderByCreatedAt(lot.id()).stream()
                .map(p -> part(lot, p, serials.countByPackingId(p.id()))).toList();
    }

    /** Gives {@code count} more units of a packing serial numbers, at most one per unit. */
    @Transactional
    PackingViews.Generated number(String code, UUID packingId, Caller caller, int count) {
        Lot lot = lockOwned(code, caller);
        lot.refuseIfRecalled();
        Packing packing = packings.findById(packingId).filter(p -> p.lotId().equals(lot.id())).orElseThrow(() ->
                ProblemException.notFound("packing_not_found", "Lot {0} has no packing {1}", code, packingId));
        long numbered = serials.countByPackingId(packing.id());
        if (numbered + count > packing.unitCount()) {
            throw ProblemException.conflict("serials_exceed_units",
                    "Packing {0} has {1} units, {2} of them numbered already: {3} more serials would be too many",
                    packing.id(), packing.unitCount(), numbered, count);
        }
        List<String> fresh = unused(count);
        int ordinal = serials.lastOrdinal(lot.id());
        Instant now = clock.instant();
        List<LotSerial> rows = new ArrayList<>(count);
        for (String serial : fresh) {
            rows.add(new LotSerial(serial, lot.id(), packing.id(), ++ordinal, now));
        }
        serials.saveAll(rows);
        // the units' serials join the packing already recorded (its amount was counted then)
        epcis.packed(packing.id(), lot.id(), null, fresh, now);
        return new PackingViews.Generated(packing.id(), lot.code(), rows.stream().map(Packings::serialPart).toList());
    }

    @Transactional(readOnly = true)
    PackingViews.SerialPage serialsOf(String code, Caller caller, @Nullable String cursor, int limit) {
        Lot lot = readable(code, caller);
        Integer after = afterOrdinal(cursor);
        List<LotSerial> found = serials.page(lot.id(), after, limit + 1);
        List<LotSerial> shown = found.size() > limit ? found.subList(0, limit) : found;
        return new PackingViews.SerialPage(shown.stream().map(Packings::serialPart).toList(),
                found.size() > limit ? Integer.toString(shown.getLast().ordinal()) : null);
    }

    /** {@code count} new serials none of which is taken (a collision of 60 random bits is all but impossible, but checked). */
    private List<String> unused(int count) {
        Set<String> chosen = SerialNumbers.distinct(count);
        for (int round = 0; ; round++) {
            List<String> taken = serials.taken(chosen);
            if (taken.isEmpty()) {
                return new ArrayList<>(chosen);
            }
            if (round == 3) {
                throw new IllegalStateException("serial numbers keep colliding: " + taken.size() + " taken");
            }
            chosen.removeAll(new HashSet<>(taken));
            while (chosen.size() < count) {
                chosen.add(SerialNumbers.generate());
            }
        }
    }

    private Lot lockOwned(String code, Caller caller) {
        Lot lot = lots.findByCodeForUpdate(code).orElseThrow(() -> LotProblems.notFound(code));
        if (!lot.isOwnedBy(caller.accountId())) {
            throw LotProblems.notYours(code);
        }
        return lot;
    }

    private Lot readable(String code, Caller caller) {
        Lot lot = lots.findByCode(code).orElseThrow(() -> LotProblems.notFound(code));
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !lot.isOwnedBy(caller.accountId())) {
            throw LotProblems.notYours(code);
        }
        return lot;
    }

    private static Integer afterOrdinal(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor of this list");
        }
    }

    private static PackingViews.PackingPart part(Lot lot, Packing packing, long numbered) {
        return new PackingViews.PackingPart(packing.id(), lot.code(), packing.unitCount(), packing.unitSize(), lot.unit(),
                packing.packaging(), packing.total().setScale(3, RoundingMode.UNNECESSARY), numbered,
                lot.remainingQuantity(), packing.createdAt());
    }

    private static PackingViews.SerialPart serialPart(LotSerial serial) {
        return new PackingViews.SerialPart(serial.ordinal(), serial.serial(), serial.packingId());
    }
}
