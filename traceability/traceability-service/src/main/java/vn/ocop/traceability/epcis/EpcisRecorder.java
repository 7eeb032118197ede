package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.epcis.EpcisRepositories.StoredEvents;

/**
 * Builds the standard EPCIS 2.0 events of our own flows and stores them through {@link EpcisCapture} (schema check,
 * lot chains), inside the caller's transaction: harvest (ObjectEvent ADD, commissioning, the lot in {@code ilmd}),
 * milling and other transformations (TransformationEvent), packing (AggregationEvent ADD), shipping (ObjectEvent
 * OBSERVE, shipping, in_transit), receiving, retail selling and recalls (ObjectEvent OBSERVE, holding,
 * recalled). Times are written at Viet Nam's offset ({@code +07:00});
 * places without a GLN are identified as {@link EpcisUris} describes. Event ids are derived from what the event records
 * (e.g. the order and the lot), so recording the same fact twice stores it once.
 */
@Singleton
public class EpcisRecorder {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final EpcisCapture capture;
    private final StoredEvents lots;
    private final EpcisUris uris;

    EpcisRecorder(EpcisCapture capture, StoredEvents lots, EpcisUris uris) {
        this.capture = capture;
        this.lots = lots;
        this.uris = uris;
    }

    /** An amount of one of our lots, in the lot's own unit. */
    public record LotAmount(UUID lotId, BigDecimal quantity) {
    }

    /**
     * A lot harvested: ObjectEvent ADD, bizStep commissioning, disposition active, the lot number, harvest date and
     * growing-area code in {@code ilmd}; read point and business location are the growing area when known, else the
     * seller's premises.
     */
    public Captured harvested(UUID lotId, BigDecimal quantity, Instant at, @Nullable LocalDate harvestDate,
                              @Nullable String growingAreaCode) {
        KnownLot lot = lot(lotId);
        String place = growingAreaCode == null ? uris.seller(lot.sellerId()) : uris.growingArea(growingAreaCode);
        ObjectNode event = event("ObjectEvent", "harvest:" + lotId, at);
        event.put("action", "ADD");
        event.put("bizStep", "commissioning");
        event.put("disposition", "active");
        quantity(event.putArray("quantityList"), lot, quantity);
        place(event, place, place);
        ObjectNode ilmd = event.putObject("ilmd");
        ilmd.put("cbvmda:lotNumber", lot.code());
        ilmd.put("cbvmda:countryOfOrigin", "VN");
        if (harvestDate != null) {
            ilmd.put("cbvmda:harvestStartDate", harvestDate.toString());
            ilmd.put("cbvmda:harvestEndDate", harvestDate.toString());
        }
        if (growingAreaCode != null) {
            ilmd.put("ocop:growingAreaCode", growingAreaCode);
        }
        return store(event, lot.sellerId(), "harvest");
    }

    /**
     * A transformation (e.g. paddy milled into rice): TransformationEvent with the input and output lots and their
     * amounts, {@code transformationID} the transformation's URI, bizStep commissioning (the outputs come into being).
     */
    public Captured transformed(UUID transformationId, String process, List<LotAmount> inputs, List<LotAmount> outputs,
                                Instant at) {
        Map<UUID, KnownLot> known = lots(inputs, outputs);
        UUID sellerId = known.values().iterator().next().sellerId();
        ObjectNode event = event("TransformationEvent", "transformation:" + transformationId, at);
        event.put("transformationID", uris.base() + "/id/transformation/" + transformationId);
        ArrayNode in = event.putArray("inputQuantityList");
        inputs.forEach(input -> quantity(in, known.get(input.lotId()), input.quantity()));
        ArrayNode out = event.putArray("outputQuantityList");
        outputs.forEach(output -> quantity(out, known.get(output.lotId()), output.quantity()));
        event.put("bizStep", "commissioning");
        event.put("disposition", "active");
        String place = uris.seller(sellerId);
        place(event, place, place);
        event.put("ocop:process", process);
        return store(event, sellerId, "transformation");
    }

    /**
     * Part of a lot packed into units: AggregationEvent ADD, bizStep packing, parentID the packing's URI, the lot
     * amount in {@code childQuantityList} and the serialised units in {@code childEPCs} (their labels' URIs).
     * Serials numbered later for the same packing are recorded by calling this again with them and no quantity (the
     * amount was recorded with the packing): another event, adding the units to the same parent.
     */
    public Captured packed(UUID packingId, UUID lotId, @Nullable BigDecimal quantity, Collection<String> serials, Instant at) {
        KnownLot lot = lot(lotId);
        ObjectNode event = event("AggregationEvent", "packing:" + packingId + ":" + String.join(",", serials), at);
        event.put("action", "ADD");
        event.put("bizStep", "packing");
        event.put("disposition", "in_progress");
        event.put("parentID", uris.packing(packingId));
        if (!serials.isEmpty()) {
            ArrayNode children = event.putArray("childEPCs");
            serials.forEach(serial -> children.add(uris.unit(lot, serial)));
        }
        if (quantity != null) {
            quantity(event.putArray("childQuantityList"), lot, quantity);
        }
        String place = uris.seller(lot.sellerId());
        place(event, place, place);
        return store(event, lot.sellerId(), "packing");
    }

    /**
     * Units of a lot handed to a carrier for an order: ObjectEvent OBSERVE, bizStep shipping, disposition in_transit,
     * read point the seller's premises, the order ({@code po}) and the carrier's tracking number ({@code bol}) as
     * business transactions. {@code units} counts the order's items (bags, bottles), so it has no unit of measure.
     */
    public Captured shipped(UUID orderId, String orderNumber, String carrier, String trackingNumber, UUID lotId, int units,
                            Instant at) {
        KnownLot lot = lot(lotId);
        ObjectNode event = event("ObjectEvent", "shipping:" + orderId + ":" + lotId, at);
        event.put("action", "OBSERVE");
        event.put("bizStep", "shipping");
        event.put("disposition", "in_transit");
        ObjectNode element = event.putArray("quantityList").addObject();
        element.put("epcClass", uris.lot(lot));
        element.put("quantity", units);
        event.putObject("readPoint").put("id", uris.seller(lot.sellerId()));
        ArrayNode transactions = event.putArray("bizTransactionList");
        transactions.addObject().put("type", "po").put("bizTransaction", uris.order(orderNumber));
        transactions.addObject().put("type", "bol").put("bizTransaction", uris.shipment(carrier, trackingNumber));
        return store(event, lot.sellerId(), "OrderShipped");
    }

    /**
     * A lot recalled: ObjectEvent OBSERVE of the lot's remaining amount, bizStep holding, disposition recalled (CBV),
     * read point the seller's premises, the reason in {@code ocop:recallReason} and, for a lot recalled because a lot it
     * was made from was, that lot's code in {@code ocop:recalledWithLot}. One per lot (its id is derived from the lot).
     */
    public Captured recalled(UUID lotId, BigDecimal quantity, String reason, @Nullable String causeLotCode, Instant at) {
        KnownLot lot = lot(lotId);
        ObjectNode event = event("ObjectEvent", "recall:" + lotId, at);
        event.put("action", "OBSERVE");
        event.put("bizStep", "holding");
        event.put("disposition", "recalled");
        quantity(event.putArray("quantityList"), lot, quantity);
        event.putObject("readPoint").put("id", uris.seller(lot.sellerId()));
        event.put("ocop:recallReason", reason);
        if (causeLotCode != null) {
            event.put("ocop:recalledWithLot", causeLotCode);
        }
        return store(event, lot.sellerId(), "recall");
    }

    /** An amount of a lot received at a place (an SGLN or one of our place URIs): ObjectEvent OBSERVE, receiving. */
    public Captured received(UUID lotId, BigDecimal quantity, String place, Instant at) {
        return observed(lotId, quantity, place, at, "receiving", "in_progress");
    }

    /** An amount of a lot sold at a shop (an SGLN or one of our place URIs): ObjectEvent OBSERVE, retail_selling. */
    public Captured retailSold(UUID lotId, BigDecimal quantity, String place, Instant at) {
        return observed(lotId, quantity, place, at, "retail_selling", "retail_sold");
    }

    private Captured observed(UUID lotId, BigDecimal quantity, String place, Instant at, String bizStep, String disposition) {
        KnownLot lot = lot(lotId);
        ObjectNode event = event("ObjectEvent", bizStep + ":" + lotId + ":" + at + ":" + place + ":" + quantity, at);
        event.put("action", "OBSERVE");
        event.put("bizStep", bizStep);
        event.put("disposition", disposition);
        quantity(event.putArray("quantityList"), lot, quantity);
        place(event, place, place);
        return store(event, lot.sellerId(), bizStep);
    }

    private ObjectNode event(String type, String fact, Instant at) {
        ObjectNode event = EpcisJson.MAPPER.createObjectNode();
        event.put("type", type);
        event.put("eventID", "urn:uuid:" + UUID.nameUUIDFromBytes(("ocop-epcis:" + fact).getBytes(StandardCharsets.UTF_8)));
        event.put("eventTime", TIME.format(at.atOffset(VIETNAM)));
        event.put("eventTimeZoneOffset", "+07:00");
        return event;
    }

    private void quantity(ArrayNode list, KnownLot lot, BigDecimal quantity) {
        ObjectNode element = list.addObject();
        element.put("epcClass", uris.lot(lot));
        element.put("quantity", quantity);
        String uom = uom(lot.unit());
        if (uom != null) {
            element.put("uom", uom);
        }
    }

    private static void place(ObjectNode event, String readPoint, String bizLocation) {
        event.putObject("readPoint").put("id", readPoint);
        event.putObject("bizLocation").put("id", bizLocation);
    }

    /** UN/ECE Recommendation 20 codes for the units lots are counted in; none for counts (bags, bottles). */
    static String uom(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "kg" -> "KGM";
            case "g" -> "GRM";
            case "t", "tấn" -> "TNE";
            case "l", "lít", "lit" -> "LTR";
            case "ml" -> "MLT";
            default -> null;
        };
    }

    private Captured store(ObjectNode event, UUID sellerId, String source) {
        ObjectNode document = EpcisJson.MAPPER.createObjectNode();
        ArrayNode context = document.putArray("@context");
        context.add(EpcisUris.GS1_CONTEXT);
        context.addObject().put("ocop", uris.namespace());
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", event.get("eventTime").asText());
        document.putObject("epcisBody").putArray("eventList").add(event);
        return capture.capture(document, Actor.recorder(sellerId, source));
    }

    private KnownLot lot(UUID lotId) {
        return lots.lotById(lotId).orElseThrow(() -> ProblemException.notFound("lot_not_found", "No lot {0}", lotId));
    }

    private Map<UUID, KnownLot> lots(List<LotAmount> inputs, List<LotAmount> outputs) {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("a transformation has inputs and outputs");
        }
        return java.util.stream.Stream.concat(inputs.stream(), outputs.stream())
                .map(LotAmount::lotId).distinct().map(this::lot)
                .collect(Collectors.toMap(KnownLot::id, Function.identity()));
    }
}
