package vn.ocop.traceability.recall;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.traceability.api.LotRecalled;
import vn.ocop.traceability.area.GrowingArea;
import vn.ocop.traceability.area.GrowingAreaDirectory;
import vn.ocop.traceability.epcis.Captured;
import vn.ocop.traceability.epcis.EpcisRecorder;
import vn.ocop.traceability.lot.Lot;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.lot.TracedLot;
import vn.ocop.traceability.resolver.LotScope;

/**
 * Recalls lots, in one transaction: the lot is locked, the caller checked (its seller, an officer of its province, an
 * admin), then the lot and every lot made from it through transformations, at any depth (rice milled from a recalled
 * paddy lot contains it), are locked (id order), set RECALLED and recorded, each with an EPCIS event on its chain
 * (ObjectEvent OBSERVE, bizStep holding, disposition recalled). A lot is recalled once: recalling it again is a 409
 * ({@code lot_already_recalled}) naming the first recall; downstream lots already recalled (by their own recall) keep theirs.
 * Each lot that turns RECALLED is announced with {@link LotRecalled} through the outbox, in the same transaction: the lot
 * recalled directly, then each cascaded lot naming the lot it was recalled with ({@code causeLotCode}).
 */
@Singleton
class Recalling {

    private final LotLookup lookup;
    private final GrowingAreaDirectory areas;
    private final LotRecalls.Recalls recalls;
    private final LotShipments shipments;
    private final EpcisRecorder epcis;
    private final Outbox outbox;
    private final Clock clock;

    Recalling(LotLookup lookup, GrowingAreaDirectory areas, LotRecalls.Recalls recalls, LotShipments shipments,
              EpcisRecorder epcis, Outbox outbox, Clock clock) {
        this.lookup = lookup;
        this.areas = areas;
        this.recalls = recalls;
        this.shipments = shipments;
        this.epcis = epcis;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Recalls the lot and its downstream lots; returns the recall and every lot code recalled (the lot's first). */
    @Transactional
    Result recall(String code, String reason, Caller caller) {
        TracedLot traced = lookup.lockByCodes(List.of(code)).stream().findFirst().orElseThrow(() -> LotProblems.notFound(code));
        Lot lot = traced.lot();
        String as = requireMay(traced, caller);
        recalls.findById(lot.id()).ifPresent(existing -> {
            throw ProblemException.conflict("lot_already_recalled", "Lot {0} was already recalled at {1}: {2}", code,
                    existing.recalledAt(), existing.reason());
        });
        Instant now = clock.instant();
        List<String> recalled = new ArrayList<>();
        record(traced, reason, null, caller, as, now);
        recalled.add(lot.code());
        List<String> downstream = downstream(lot.id());
        for (TracedLot made : downstream.isEmpty() ? List.<TracedLot>of() : lookup.lockByCodes(downstream)) {
            if (recalls.existsById(made.lot().id())) {
                continue;
            }
            record(made, reason, lot, caller, as, now);
            recalled.add(made.lot().code());
        }
        return new Result(view(lookup.byCode(code).orElseThrow()), recalled);
    }

    /** What {@link #recall} did. */
    record Result(RecallView view, List<String> recalledCodes) {
    }

    /** The lot's recall, for the same callers who may recall it. */
    @Transactional(readOnly = true)
    RecallView show(String code, Caller caller) {
        TracedLot traced = lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code));
        requireMay(traced, caller);
        return view(traced);
    }

    private RecallView view(TracedLot traced) {
        Lot lot = traced.lot();
        LotRecalls.Recall recall = recalls.findById(lot.id()).orElseThrow(() -> ProblemException.notFound("lot_not_recalled",
                "Lot {0} was not recalled", lot.code()));
        List<String> downstreamCodes = downstream(lot.id());
        Map<UUID, String> codes = new HashMap<>();
        codes.put(lot.id(), lot.code());
        List<RecallView.DownstreamLot> downstream = new ArrayList<>();
        for (String made : downstreamCodes) {
            lookup.byCode(made).ifPresent(found -> {
                codes.put(found.lot().id(), found.lot().code());
                downstream.add(new RecallView.DownstreamLot(found.lot().code(), found.lot().status()));
            });
        }
        List<RecallView.ShipmentPart> shipped = shipments.ofLots(codes.keySet()).stream()
                .map(s -> new RecallView.ShipmentPart(s.orderId(), s.orderNumber(), s.checkoutId(), codes.get(s.lotId()),
                        s.units(), s.carrier(), s.trackingNumber(), s.shippedAt())).toList();
        return new RecallView(lot.code(), recall.reason(), recall.recalledAt(), recall.recalledAs(), recall.causeLotCode(),
                recall.eventId(), downstream, shipped);
    }

    /** Recalls one locked lot ({@code cause}: the lot it is recalled with, or null) and publishes its {@link LotRecalled}. */
    private void record(TracedLot traced, String reason, Lot cause, Caller caller, String as, Instant at) {
        Lot lot = traced.lot();
        String causeCode = cause == null ? null : cause.code();
        lookup.markRecalled(lot);
        Captured captured = epcis.recalled(lot.id(), lot.quantity(), reason, causeCode, at);
        recalls.save(new LotRecalls.Recall(lot.id(), lot.code(), reason, cause == null ? null : cause.id(), causeCode,
                lot.status().name(), caller.accountId(), as, captured.events().getFirst().eventID(), at));
        outbox.publish(LotRecalled.TYPE, LotRecalled.VERSION, lot.id().toString(), new LotRecalled(lot.id(), lot.code(),
                lot.productId(), lot.sellerId(), provinceOf(traced), reason, causeCode, at));
    }

    /** The lot's province as its officers' rights know it (see {@link LotScope}), or null when unknown. */
    private String provinceOf(TracedLot traced) {
        GrowingArea area = traced.lot().growingAreaId() == null ? null : areas.find(traced.lot().growingAreaId()).orElse(null);
        return LotScope.of(traced.product(), area).provinceCode();
    }

    /** The codes of the lots made from the lot, at any depth, level by level, in code order within a level. */
    private List<String> downstream(UUID lotId) {
        Set<String> found = new LinkedHashSet<>();
        List<UUID> frontier = List.of(lotId);
        Set<UUID> seen = new java.util.HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            List<String> next = recalls.madeFrom(frontier).stream().filter(c -> !found.contains(c)).sorted().toList();
            List<UUID> ids = new ArrayList<>();
            for (String made : next) {
                lookup.byCode(made).map(t -> t.lot().id()).filter(seen::add).ifPresent(id -> {
                    found.add(made);
                    ids.add(id);
                });
            }
            frontier = ids;
        }
        return List.copyOf(found);
    }

    /**
     * The caller may recall the lot (and see its recall): an admin, an officer of the lot's province (its seller's,
     * else its growing area's), or its seller. Returns as what.
     */
    private String requireMay(TracedLot traced, Caller caller) {
        if (caller.has(Roles.ADMIN)) {
            return Roles.ADMIN;
        }
        if (caller.has(Roles.OFFICER)) {
            String province = provinceOf(traced);
            if (province != null && caller.officerProvince().filter(province::equals).isPresent()) {
                return Roles.OFFICER;
            }
        }
        if (traced.lot().isOwnedBy(caller.accountId())) {
            return Roles.SELLER;
        }
        throw ProblemException.forbidden("recall_not_allowed",
                "Only the seller of lot {0}, officers of its province and admins may recall it", traced.lot().code());
    }
}
