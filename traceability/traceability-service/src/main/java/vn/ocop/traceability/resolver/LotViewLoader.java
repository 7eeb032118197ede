package vn.ocop.traceability.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.area.GrowingArea;
import vn.ocop.traceability.area.GrowingAreaDirectory;
import vn.ocop.traceability.area.GrowingAreaStatus;
import vn.ocop.traceability.epcis.EpcisReads;
import vn.ocop.traceability.epcis.HashChain;
import vn.ocop.traceability.locality.Commune;
import vn.ocop.traceability.locality.Communes;
import vn.ocop.traceability.lot.Lot;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.TracedLot;
import vn.ocop.traceability.recall.LotRecalls;

/**
 * Reads a {@link LotView} from the database, in one read-only transaction. The chain's verdict comes from
 * {@link EpcisReads#verify} (the same recomputation as the verify endpoint), but only when the chain's length or head
 * changed since the last verdict, or that verdict is older than {@code verify-max-age}: a scan never recomputes a chain.
 * A recalled lot's view carries its recall (reason, when, the lot that caused it).
 */
@Singleton
class LotViewLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LotLookup lookup;
    private final GrowingAreaDirectory areas;
    private final Communes communes;
    private final ResolverReads reads;
    private final EpcisReads epcis;
    private final LotRecalls recalls;
    private final ResolverSettings settings;
    private final Clock clock;
    private final Cache<UUID, Verified> verdicts;

    LotViewLoader(LotLookup lookup, GrowingAreaDirectory areas, Communes communes, ResolverReads reads, EpcisReads epcis,
                  LotRecalls recalls, ResolverSettings settings, Clock clock) {
        this.lookup = lookup;
        this.areas = areas;
        this.communes = communes;
        this.reads = reads;
        this.epcis = epcis;
        this.recalls = recalls;
        this.settings = settings;
        this.clock = clock;
        this.verdicts = Caffeine.newBuilder().maximumSize(settings.maxLots()).expireAfterWrite(settings.verifyMaxAge()).build();
    }

    /** A verdict for the chain state it was computed on. */
    private record Verified(ResolverReads.ChainState state, LotView.ChainVerdict verdict) {
    }

    /** The view of the lot with this code; empty when there is no such lot. */
    @Transactional(readOnly = true)
    public Optional<LotView> load(String code) {
        Optional<TracedLot> found = lookup.byCode(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Lot lot = found.get().lot();
        GrowingArea ownArea = lot.growingAreaId() == null ? null : areas.find(lot.growingAreaId()).orElse(null);
        Map<UUID, Lot> known = new HashMap<>();
        known.put(lot.id(), lot);
        List<LotView.Origin> origins = origins(lot, known);
        List<LotView.Step> timeline = timeline(lot, known, origins);
        LotView.Recall recall = recalls.of(lot.id())
                .map(r -> new LotView.Recall(r.reason(), r.recalledAt(), r.causeLotCode())).orElse(null);
        return Optional.of(new LotView(lot, found.get().product(), LotScope.of(found.get().product(), ownArea),
                ownArea == null ? null : area(ownArea), origins, timeline, verdict(lot), recall, clock.instant()));
    }

    private LotView.ChainVerdict verdict(Lot lot) {
        ResolverReads.ChainState state = reads.chain(lot.id()).orElse(new ResolverReads.ChainState(0, ""));
        Verified known = verdicts.getIfPresent(lot.id());
        if (known != null && known.state().equals(state)) {
            return known.verdict();
        }
        HashChain.Verification verification = epcis.verify(lot.id(), lot.code());
        HashChain.BrokenLink broken = verification.brokenLink();
        LotView.ChainVerdict verdict = new LotView.ChainVerdict(verification.intact(), verification.length(),
                broken == null ? null : broken.position(), broken == null ? null : broken.reason(), clock.instant());
        verdicts.put(lot.id(), new Verified(state, verdict));
        return verdict;
    }

    /** The lots that went into this one, level by level (its inputs, their inputs...), at most {@code max-origins}. */
    private List<LotView.Origin> origins(Lot lot, Map<UUID, Lot> known) {
        List<LotView.Origin> origins = new ArrayList<>();
        Set<UUID> frontier = Set.of(lot.id());
        Set<UUID> seen = new LinkedHashSet<>(frontier);
        while (!frontier.isEmpty() && origins.size() < settings.maxOrigins()) {
            List<ResolverReads.InputRow> inputs = reads.inputs(frontier);
            Map<UUID, String> processOf = new LinkedHashMap<>();
            inputs.stream().filter(row -> seen.add(row.inputLotId()))
                    .forEach(row -> processOf.putIfAbsent(row.inputLotId(), row.process()));
            if (processOf.isEmpty()) {
                break;
            }
            List<Lot> lots = reads.lots(processOf.keySet());
            for (Lot input : lots) {
                if (origins.size() == settings.maxOrigins()) {
                    break;
                }
                known.put(input.id(), input);
                GrowingArea area = input.growingAreaId() == null ? null : areas.find(input.growingAreaId()).orElse(null);
                origins.add(new LotView.Origin(input.code(), input.harvestDate(), processOf.get(input.id()),
                        area == null ? null : area(area)));
            }
            frontier = processOf.keySet();
        }
        return origins;
    }

    /**
     * The lot's events and its origins' harvests, oldest first; the lot's repeated steps of one kind (packings,
     * shipments, receivings, retail sales) summed up into one step each.
     */
    private List<LotView.Step> timeline(Lot lot, Map<UUID, Lot> known, List<LotView.Origin> origins) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(lot.id());
        known.values().stream().filter(l -> origins.stream().anyMatch(o -> o.lotCode().equals(l.code())))
                .forEach(l -> ids.add(l.id()));
        List<LotView.Step> steps = new ArrayList<>();
        Map<String, Integer> summed = new HashMap<>();
        for (ResolverReads.EventRow row : reads.events(ids)) {
            boolean own = row.lotId().equals(lot.id());
            String kind = kind(row);
            if (!own && !kind.equals("HARVEST")) {
                continue;
            }
            String code = known.get(row.lotId()).code();
            if (kind.equals("HARVEST") || kind.equals("TRANSFORMATION") || kind.equals("RECALL")) {
                Instant at = kind.equals("HARVEST") ? harvested(row) : row.eventTime();
                steps.add(new LotView.Step(kind, row.bizStep(), code, at, at, 1, detail(row, kind)));
                continue;
            }
            String key = code + " " + kind + " " + row.bizStep();
            Integer at = summed.get(key);
            if (at == null) {
                summed.put(key, steps.size());
                steps.add(new LotView.Step(kind, row.bizStep(), code, row.eventTime(), row.eventTime(), 1, null));
            } else {
                LotView.Step step = steps.get(at);
                Instant to = row.eventTime().isAfter(step.to()) ? row.eventTime() : step.to();
                steps.set(at, new LotView.Step(kind, step.bizStep(), code, step.from(), to, step.count() + 1, null));
            }
        }
        steps.sort(Comparator.comparing(LotView.Step::from));
        return List.copyOf(steps);
    }

    private static String kind(ResolverReads.EventRow row) {
        if ("recalled".equals(row.disposition())) {
            return "RECALL";
        }
        if ("TransformationEvent".equals(row.eventType())) {
            return "TRANSFORMATION";
        }
        String step = row.bizStep() == null ? "" : row.bizStep();
        return switch (step) {
            case "commissioning" -> "ADD".equals(row.action()) ? "HARVEST" : "OTHER";
            case "packing" -> "PACKING";
            case "shipping" -> "SHIPPING";
            case "receiving" -> "RECEIVING";
            case "retail_selling" -> "RETAIL_SELLING";
            default -> "OTHER";
        };
    }

    /**
     * When a harvest happened: the start (in Viet Nam) of the harvest date the event carries in its {@code ilmd}
     * (a lot is registered, and its commissioning recorded, after the harvest), else the event's time.
     */
    private static Instant harvested(ResolverReads.EventRow row) {
        if (row.body() != null) {
            try {
                JsonNode ilmd = JSON.readTree(row.body()).path("ilmd");
                JsonNode date = ilmd.has("cbvmda:harvestEndDate") ? ilmd.get("cbvmda:harvestEndDate")
                        : ilmd.path("cbvmda:harvestStartDate");
                if (date.isTextual()) {
                    return LocalDate.parse(date.asText()).atStartOfDay(VietnamTime.ZONE).toInstant();
                }
            } catch (IOException | DateTimeParseException e) {
                return row.eventTime();
            }
        }
        return row.eventTime();
    }

    /** The process of a transformation, the growing-area code of a harvest, as the event records them. */
    private static @Nullable String detail(ResolverReads.EventRow row, String kind) {
        if (row.body() == null) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(row.body());
            JsonNode value = kind.equals("TRANSFORMATION") ? event.path("ocop:process")
                    : event.path("ilmd").path("ocop:growingAreaCode");
            return value.isTextual() ? value.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private LotView.Area area(GrowingArea area) {
        String communeName = communes.find(area.communeCode()).map(Commune::name).orElse(null);
        BigDecimal hectares = area.computedAreaHa();
        return new LotView.Area(area.code(), area.crop(), hectares, area.communeCode(), communeName, area.provinceCode(),
                area.status() == GrowingAreaStatus.VERIFIED, BoundarySvg.of(area.boundary()));
    }
}
