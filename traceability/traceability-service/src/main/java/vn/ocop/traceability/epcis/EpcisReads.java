package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.traceability.epcis.EpcisRepositories.ChainHeads;
import vn.ocop.traceability.epcis.EpcisRepositories.ChainLinks;
import vn.ocop.traceability.epcis.EpcisRepositories.StoredEvents;

/**
 * Reads a lot's events: a page of them, the whole chain as one EPCIS 2.0 document, and the chain's verification. The
 * lot's seller, officers and admins may read; events as exported carry their eventID (the generated one when they had
 * none), the {@code recordTime} this service stored them at, and their document's extra {@code @context}, if any.
 */
@Singleton
public class EpcisReads {

    private final StoredEvents events;
    private final ChainHeads heads;
    private final ChainLinks links;
    private final Clock clock;

    EpcisReads(StoredEvents events, ChainHeads heads, ChainLinks links, Clock clock) {
        this.events = events;
        this.heads = heads;
        this.links = links;
        this.clock = clock;
    }

    /** The lot with this code, when the caller may read its events. */
    KnownLot readable(String code, Caller caller) {
        KnownLot lot = events.lotsByCodes(List.of(code)).stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot_not_found", "No lot {0}", code));
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !lot.sellerId().equals(caller.accountId())) {
            throw ProblemException.forbidden("lot_not_yours", "Lot {0} is another seller''s", code);
        }
        return lot;
    }

    /** Up to {@code limit} of the lot's events that happened in [from, to), in chain order, after chain position {@code after}. */
    @Transactional(readOnly = true)
    List<ChainLink> page(KnownLot lot, TimeRange range, int after, int limit) {
        return links.page(lot.id(), after, range.from(), range.to(), limit);
    }

    /** The lot's events that happened in [from, to), in chain order, as one EPCIS 2.0 document. */
    @Transactional(readOnly = true)
    ObjectNode export(KnownLot lot, TimeRange range) {
        ObjectNode document = EpcisJson.MAPPER.createObjectNode();
        document.put("@context", EpcisUris.GS1_CONTEXT);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        ArrayNode eventList = document.putObject("epcisBody").putArray("eventList");
        links.chain(lot.id()).stream()
                .filter(link -> range.contains(link.eventTime()))
                .forEach(link -> eventList.add(exported(link.body(), link.context(), link.eventId(), link.recordedAt())));
        return document;
    }

    /** Recomputes the lot's chain from the events as stored. Public so that pages showing a lot can say whether its record is intact. */
    @Transactional(readOnly = true)
    public HashChain.Verification verify(UUID lotId, String lotCode) {
        return HashChain.verify(lotCode, links.chain(lotId), heads.findById(lotId).orElse(null));
    }

    /** A captured event by its eventID, for the account that captured it, the seller of a lot it names, officers and admins. */
    @Transactional(readOnly = true)
    ObjectNode event(String eventId, Caller caller) {
        StoredEvent event = events.findByEventId(eventId)
                .orElseThrow(() -> ProblemException.notFound("epcis_event_not_found", "No event {0}", eventId));
        boolean official = caller.has(Roles.OFFICER) || caller.has(Roles.ADMIN);
        if (!official && !caller.accountId().equals(event.capturedBy())
                && !links.sellersOf(event.id()).contains(caller.accountId())) {
            throw ProblemException.forbidden("epcis_event_not_yours", "Event {0} is about another seller''s lots", eventId);
        }
        ObjectNode document = EpcisJson.MAPPER.createObjectNode();
        document.put("@context", EpcisUris.GS1_CONTEXT);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        document.putObject("epcisBody").putArray("eventList")
                .add(exported(event.body(), event.context(), event.eventId(), event.recordedAt()));
        return document;
    }

    private static ObjectNode exported(String body, @Nullable String context, String eventId, Instant recordedAt) {
        ObjectNode event = EpcisJson.MAPPER.createObjectNode();
        if (context != null) {
            event.set("@context", EpcisJson.parse(context));
        }
        event.setAll((ObjectNode) EpcisJson.parse(body));
        if (!event.hasNonNull("eventID")) {
            event.put("eventID", eventId);
        }
        event.put("recordTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(recordedAt.atOffset(ZoneOffset.UTC)));
        return event;
    }
}
