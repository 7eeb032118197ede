package vn.ocop.traceability.area;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.locality.Commune;
import vn.ocop.traceability.locality.CommuneRepository;

/** Growing areas as their sellers, officers and admins read them. */
@Singleton
class AreaReads {

    static final int MAX_LIMIT = 100;

    private final AreaRepositories.Areas areas;
    private final AreaRepositories.Households households;
    private final AreaRepositories.Certificates certificates;
    private final CommuneRepository communes;
    private final AreaAccess access;
    private final Boundaries boundaries;
    private final Clock clock;

    AreaReads(AreaRepositories.Areas areas, AreaRepositories.Households households,
              AreaRepositories.Certificates certificates, CommuneRepository communes, AreaAccess access,
              Boundaries boundaries, Clock clock) {
        this.areas = areas;
        this.households = households;
        this.certificates = certificates;
        this.communes = communes;
        this.access = access;
        this.boundaries = boundaries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    AreaViews.Area one(UUID id, Caller caller) {
        return view(access.readable(id, caller));
    }

    @Transactional(readOnly = true)
    AreaViews.Area view(GrowingArea area) {
        List<Household> all = households.ofArea(area.id());
        AreaViews.HouseholdPart representative = all.stream().filter(Household::representative).findFirst()
                .map(AreaReads::household).orElseThrow(() -> new IllegalStateException("area " + area.id() + " has no representative"));
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return new AreaViews.Area(area.id(), area.code(), area.sellerId(), area.crop(), area.declaredAreaHa(),
                area.computedAreaHa(), area.areaMismatch(), commune(area, communes.findById(area.communeCode())),
                area.legacyCommuneCode(), boundaries.tree(area.boundary()), area.status(), area.rejectionReason(),
                area.decidedAt(), representative,
                all.stream().filter(h -> !h.representative()).map(AreaReads::household).toList(),
                certificates.findByAreaIdOrderByValidUntilDesc(area.id()).stream()
                        .map(c -> new AreaViews.CertificatePart(c.id(), c.scheme(), c.number(), c.issuer(), c.validUntil(),
                                c.isExpiredOn(today)))
                        .toList(),
                area.createdAt());
    }

    /** A seller's areas, newest first. */
    @Transactional(readOnly = true)
    AreaViews.SummaryPage ofSeller(UUID sellerId, Caller caller, String cursor, int limit) {
        access.requireSellerReadable(sellerId, caller);
        Cursors.Position<Instant> after = Cursors.decode(cursor, Instant::parse);
        List<GrowingArea> found = areas.pageOfSeller(sellerId, after == null ? null : after.key(),
                after == null ? null : after.id(), limit + 1);
        List<GrowingArea> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<String, Commune> names = shown.isEmpty() ? Map.of()
                : communes.findByCodeIn(shown.stream().map(GrowingArea::communeCode).distinct().toList()).stream()
                        .collect(Collectors.toMap(Commune::code, Function.identity()));
        List<AreaViews.Summary> items = shown.stream().map(a -> new AreaViews.Summary(a.id(), a.code(), a.crop(),
                a.declaredAreaHa(), a.computedAreaHa(), a.areaMismatch(),
                commune(a, Optional.ofNullable(names.get(a.communeCode()))), a.status(), a.createdAt())).toList();
        GrowingArea last = shown.isEmpty() ? null : shown.getLast();
        return new AreaViews.SummaryPage(items,
                found.size() > limit ? Cursors.encode(last.createdAt(), last.id()) : null);
    }

    private static AreaViews.CommunePart commune(GrowingArea area, Optional<Commune> official) {
        return new AreaViews.CommunePart(area.communeCode(), official.map(Commune::name).orElse(null), area.provinceCode());
    }

    private static AreaViews.HouseholdPart household(Household household) {
        return new AreaViews.HouseholdPart(household.name(), household.phone());
    }
}
