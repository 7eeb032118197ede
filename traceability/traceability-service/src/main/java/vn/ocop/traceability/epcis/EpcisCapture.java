package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.traceability.epcis.EpcisRepositories.ChainHeads;
import vn.ocop.traceability.epcis.EpcisRepositories.ChainLinks;
import vn.ocop.traceability.epcis.EpcisRepositories.StoredEvents;

/**
 * Stores EPCIS events: checks the document against the GS1 schema, finds the lots each event names, refuses the whole
 * document when one of those lots is not the actor's, and in one transaction stores every event and appends it to the
 * hash chain of each of its lots (chain heads locked in lot id order, so concurrent captures cannot deadlock or fork
 * a chain). Events that name none of our lots are stored and readable by their eventID, but belong to no chain.
 */
@Singleton
public class EpcisCapture {

    static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransformationEvent",
            "AssociationEvent", "TransactionEvent");
    private static final List<String> IDENTIFIER_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final List<String> QUANTITY_LISTS = List.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();

    private final EpcisSchema schema;
    private final StoredEvents events;
    private final ChainHeads heads;
    private final ChainLinks links;
    private final EpcisUris uris;
    private final Clock clock;
    private final int maxEvents;
    private final int maxViolations;

    EpcisCapture(EpcisSchema schema, StoredEvents events, ChainHeads heads, ChainLinks links, EpcisUris uris, Clock clock,
                 @Value("${ocop.traceability.epcis.max-events:1000}") int maxEvents,
                 @Value("${ocop.traceability.epcis.max-violations:20}") int maxViolations) {
        this.schema = schema;
        this.events = events;
        this.heads = heads;
        this.links = links;
        this.uris = uris;
        this.clock = clock;
        this.maxEvents = maxEvents;
        this.maxViolations = maxViolations;
    }

    /**
     * Captures an {@code EPCISDocument} or a single event (with its own {@code @context}), all or nothing.
     *
     * @throws ProblemException 422 when it fails the schema or cannot be captured, 403 when an event names another
     *                          seller's lot, 409 when an eventID was captured before with other content
     */
    @Transactional
    public Captured capture(JsonNode document, Actor actor) {
        List<Problem.FieldError> violations = schema.violations(document, maxViolations);
        if (!violations.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "epcis_schema_invalid", violations,
                    "The document does not validate against the EPCIS 2.0 JSON Schema (the first {0} violations are listed)",
                    violations.size());
        }
        List<Incoming> incoming = incoming(document);
        Map<UUID, KnownLot> lotsById = new HashMap<>();
        Map<Incoming, List<KnownLot>> lotsOf = lotsOf(incoming);
        for (List<KnownLot> lots : lotsOf.values()) {
            for (KnownLot lot : lots) {
                if (!actor.mayWrite(lot)) {
                    throw ProblemException.forbidden("epcis_lot_not_yours",
                            "An event names lot {0}, which is another seller''s: nothing was captured", lot.code());
                }
                lotsById.put(lot.id(), lot);
            }
        }
        Set<String> known = alreadyCaptured(incoming);
        Instant now = clock.instant();
        Map<UUID, ChainHead> chains = lockChains(lotsById.keySet(), now);
        Set<UUID> advanced = new HashSet<>();
        List<Captured.Event> result = new ArrayList<>();
        for (Incoming event : incoming) {
            if (known.contains(event.eventId())) {
                result.add(new Captured.Event(event.eventId(), event.type(), Captured.Event.DUPLICATE, List.of()));
                continue;
            }
            UUID row = Ids.newId();
            insert(event.stored(row, actor, now));
            List<Captured.Link> appended = new ArrayList<>();
            for (KnownLot lot : lotsOf.get(event)) {
                ChainHead head = chains.get(lot.id());
                String hash = HashChain.link(head.headHash(), event.body());
                ChainHead next = head.appended(hash, now);
                links.append(lot.id(), next.length(), row, lot.sellerId(), event.eventTime(), hash);
                chains.put(lot.id(), next);
                advanced.add(lot.id());
                appended.add(new Captured.Link(lot.code(), next.length(), hash));
            }
            result.add(new Captured.Event(event.eventId(), event.type(), Captured.Event.CAPTURED, appended));
        }
        advanced.forEach(lotId -> heads.update(chains.get(lotId)));
        return new Captured(result);
    }

    /** The document's events, read and checked; nothing is stored yet. */
    private List<Incoming> incoming(JsonNode document) {
        String type = document.path("type").asText();
        JsonNode context = document.get("@context");
        List<JsonNode> nodes = new ArrayList<>();
        String pointer;
        String extraContext = null;
        if ("EPCISDocument".equals(type)) {
            document.path("epcisBody").path("eventList").forEach(nodes::add);
            pointer = "/epcisBody/eventList/";
            extraContext = onlyGs1(context) ? null : EpcisJson.write(context);
        } else if (EVENT_TYPES.contains(type)) {
            nodes.add(document);
            pointer = null;
        } else {
            throw ProblemException.unprocessable("epcis_not_capturable",
                    "A {0} cannot be captured: send an EPCISDocument or a single event", type);
        }
        if (nodes.size() > maxEvents) {
            throw ProblemException.unprocessable("epcis_too_many_events",
                    "The document has {0} events; at most {1} are captured at once", nodes.size(), maxEvents);
        }
        List<Incoming> incoming = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = pointer == null ? "/" : pointer + i;
            Incoming event = read(nodes.get(i), at, extraContext);
            if (!ids.add(event.eventId())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "epcis_event_id_repeated",
                        List.of(new Problem.FieldError(at + "/eventID", "repeats an earlier event's eventID")),
                        "The document has two events with eventID {0}", event.eventId());
            }
            incoming.add(event);
        }
        return incoming;
    }

    private Incoming read(JsonNode event, String at, String extraContext) {
        String type = event.path("type").asText();
        if (!EVENT_TYPES.contains(type)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "epcis_event_type_unsupported",
                    List.of(new Problem.FieldError(at + "/type", "not one of " + new TreeSet<>(EVENT_TYPES))),
                    "Events of type {0} are not captured here", type);
        }
        Instant eventTime;
        try {
            eventTime = OffsetDateTime.parse(event.path("eventTime").asText(), RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(at + "/eventTime", "is not a date-time with an offset");
        }
        if (eventTime.isBefore(TimeRange.EARLIEST) || eventTime.isAfter(TimeRange.LATEST)) {
            throw invalid(at + "/eventTime", "must be between the years 1000 and 9999");
        }
        String body = EpcisJson.write(event);
        String eventId = event.hasNonNull("eventID") ? event.get("eventID").asText() : "urn:uuid:" + Ids.newId();
        if (eventId.length() > 500) {
            throw invalid(at + "/eventID", "must be at most 500 characters");
        }
        Set<LotKey> keys = new LinkedHashSet<>();
        identifiers(event).forEach(id -> LotKey.of(id, uris.base()).ifPresent(keys::add));
        return new Incoming(eventId, type, eventTime, event.path("eventTimeZoneOffset").asText(), text(event, "action"),
                text(event, "bizStep"), text(event, "disposition"), text(event.path("readPoint"), "id"),
                text(event.path("bizLocation"), "id"), body, extraContext,
                EpcisJson.sha256(EpcisJson.canonical(body)), keys);
    }

    /** Every identifier of things the event is about. */
    private static List<String> identifiers(JsonNode event) {
        List<String> ids = new ArrayList<>();
        IDENTIFIER_LISTS.forEach(list -> event.path(list).forEach(id -> ids.add(id.asText())));
        QUANTITY_LISTS.forEach(list -> event.path(list).forEach(element -> ids.add(element.path("epcClass").asText())));
        if (event.hasNonNull("parentID")) {
            ids.add(event.get("parentID").asText());
        }
        return ids;
    }

    /** For each event, the lots of ours it names, in lot id order. */
    private Map<Incoming, List<KnownLot>> lotsOf(List<Incoming> incoming) {
        Set<String> codes = incoming.stream().flatMap(e -> e.keys().stream()).map(LotKey::lotCode).collect(Collectors.toSet());
        List<KnownLot> candidates = codes.isEmpty() ? List.of() : events.lotsByCodes(codes);
        Map<Incoming, List<KnownLot>> lotsOf = new HashMap<>();
        for (Incoming event : incoming) {
            lotsOf.put(event, candidates.stream()
                    .filter(lot -> event.keys().stream().anyMatch(lot::isNamedBy))
                    .sorted(Comparator.comparing(KnownLot::id))
                    .toList());
        }
        return lotsOf;
    }

    /** The eventIDs captured before with the same canonical content; the same eventID with other content is a 409. */
    private Set<String> alreadyCaptured(List<Incoming> incoming) {
        Map<String, Incoming> byId = incoming.stream().collect(Collectors.toMap(Incoming::eventId, e -> e));
        Set<String> same = new HashSet<>();
        for (StoredEvent stored : events.findByEventIdIn(byId.keySet())) {
            if (!stored.contentSha256().equals(byId.get(stored.eventId()).contentSha256())) {
                throw conflict(stored.eventId());
            }
            same.add(stored.eventId());
        }
        return same;
    }

    /** The chain heads of the lots, created when missing, locked in lot id order. */
    private Map<UUID, ChainHead> lockChains(Set<UUID> lotIds, Instant now) {
        if (lotIds.isEmpty()) {
            return new HashMap<>();
        }
        List<UUID> ordered = lotIds.stream().sorted().toList();
        ordered.forEach(id -> heads.openAndLock(id, HashChain.GENESIS, now));
        Map<UUID, ChainHead> chains = new TreeMap<>();
        heads.lock(ordered).forEach(head -> chains.put(head.lotId(), head));
        return chains;
    }

    private void insert(StoredEvent event) {
        try {
            events.save(event);
        } catch (DataAccessException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLIntegrityConstraintViolationException
                        && String.valueOf(cause.getMessage()).contains("uk_epcis_events_event_id")) {
                    throw conflict(event.eventId());
                }
            }
            throw e;
        }
    }

    private static boolean onlyGs1(JsonNode context) {
        if (context == null) {
            return true;
        }
        if (context.isTextual()) {
            return EpcisUris.GS1_CONTEXT.equals(context.asText());
        }
        return context.isArray() && context.size() == 1 && EpcisUris.GS1_CONTEXT.equals(context.get(0).asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "epcis_event_invalid",
                List.of(new Problem.FieldError(field, message)), "An event cannot be captured: {0} {1}", field, message);
    }

    private static ProblemException conflict(String eventId) {
        return ProblemException.conflict("epcis_event_id_conflict",
                "Event {0} was captured before with other content: nothing was captured", eventId);
    }

    /** An event of the document, read, before it is stored. */
    private record Incoming(String eventId, String type, Instant eventTime, String offset, String action, String bizStep,
                            String disposition, String readPoint, String bizLocation, String body, String context,
                            String contentSha256, Set<LotKey> keys) {

        StoredEvent stored(UUID row, Actor actor, Instant now) {
            return new StoredEvent(row, eventId, type, eventTime, offset, action, bizStep, disposition, readPoint,
                    bizLocation, body, context, contentSha256, actor.source(), actor.accountId(), now);
        }
    }
}
