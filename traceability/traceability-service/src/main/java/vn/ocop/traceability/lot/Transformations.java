package vn.ocop.traceability.lot;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.traceability.epcis.EpcisRecorder;
import vn.ocop.traceability.product.ProductRepository;

/**
 * Transforms a seller's lots into new lots in one transaction: the input lots are locked (in id order), checked
 * (the seller's, active, enough left, one unit), the outputs checked against inputs x yield, the inputs drawn down
 * (never below zero) and the output lots registered, each announced with LotRegistered. Any refusal changes nothing.
 */
@Singleton
class Transformations {

    private final LotRepository lots;
    private final PackingRepositories.Packings packings;
    private final TransformationRepositories.Transformations transformations;
    private final TransformationRepositories.Inputs inputs;
    private final TransformationRepositories.Outputs outputs;
    private final LotRegistrations registrations;
    private final ProductRepository products;
    private final PublicLinks links;
    private final EpcisRecorder epcis;
    private final Clock clock;

    Transformations(LotRepository lots, PackingRepositories.Packings packings,
                    TransformationRepositories.Transformations transformations, TransformationRepositories.Inputs inputs,
                    TransformationRepositories.Outputs outputs, LotRegistrations registrations, ProductRepository products,
                    PublicLinks links, EpcisRecorder epcis, Clock clock) {
        this.lots = lots;
        this.packings = packings;
        this.transformations = transformations;
        this.inputs = inputs;
        this.outputs = outputs;
        this.registrations = registrations;
        this.products = products;
        this.links = links;
        this.epcis = epcis;
        this.clock = clock;
    }

    @Transactional
    TransformationView transform(UUID sellerId, TransformLots request) {
        LocalDate today = registrations.today();
        LocalDate occurredOn = request.occurredOn() == null ? today : request.occurredOn();
        if (occurredOn.isAfter(today)) {
            throw ProblemException.invalidField("occurredOn", "must not be in the future");
        }
        Map<String, Lot> locked = lockInputs(sellerId, request.inputs());
        String unit = commonUnit(request.inputs(), locked);
        BigDecimal in = request.inputs().stream().map(TransformLots.Input::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal out = request.outputs().stream().map(TransformLots.Output::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal most = in.multiply(request.yield());
        if (out.compareTo(most) > 0) {
            throw ProblemException.unprocessable("transformation_exceeds_yield",
                    "The outputs ({0} {3}) exceed the inputs ({1} {3}) times the stated yield {2} ({4} {3})",
                    out.toPlainString(), in.toPlainString(), request.yield().toPlainString(), unit,
                    most.setScale(3, RoundingMode.DOWN).toPlainString());
        }
        Transformation transformation = transformations.save(new Transformation(Ids.newId(), sellerId,
                request.process().strip(), request.yield().setScale(4, RoundingMode.UNNECESSARY), unit, occurredOn,
                clock.instant()));
        List<TransformationView.InputPart> drawn = new ArrayList<>();
        List<EpcisRecorder.LotAmount> consumed = new ArrayList<>();
        List<EpcisRecorder.LotAmount> produced = new ArrayList<>();
        for (TransformLots.Input input : request.inputs()) {
            Lot lot = locked.get(input.lotCode());
            BigDecimal quantity = input.quantity().setScale(3, RoundingMode.UNNECESSARY);
            Lot after = lots.update(lot.drawn(quantity, packings.existsByLotId(lot.id())));
            inputs.save(new Transformation.Input(new Transformation.Key(transformation.id(), lot.id()), quantity));
            drawn.add(new TransformationView.InputPart(lot.code(), quantity, after.remainingQuantity(), after.status()));
            consumed.add(new EpcisRecorder.LotAmount(lot.id(), quantity));
        }
        LocalDate sharedHarvest = shared(locked.values(), Lot::harvestDate);
        UUID sharedArea = shared(locked.values(), Lot::growingAreaId);
        List<LotResponse> made = new ArrayList<>();
        for (int i = 0; i < request.outputs().size(); i++) {
            TransformLots.Output output = request.outputs().get(i);
            TracedLot lot = registrations.create(sellerId, output.productId(), output.code(), output.quantity(), unit,
                    output.harvestDate() == null ? sharedHarvest : output.harvestDate(), sharedArea, "outputs[" + i + "].");
            outputs.save(new Transformation.Output(new Transformation.Key(transformation.id(), lot.lot().id())));
            made.add(LotResponse.of(lot, links));
            produced.add(new EpcisRecorder.LotAmount(lot.lot().id(), lot.lot().quantity()));
        }
        // recorded when it happened: now if today, else at the start of that day in Vietnam
        Instant at = occurredOn.equals(today) ? clock.instant() : occurredOn.atStartOfDay(LotRegistrations.VIETNAM).toInstant();
        epcis.transformed(transformation.id(), transformation.process(), consumed, produced, at);
        return view(transformation, drawn, made);
    }

    /** A transformation with its inputs and outputs, each in lot-code order. */
    @Transactional(readOnly = true)
    TransformationView one(UUID id, Caller caller) {
        Transformation transformation = transformations.findById(id).orElseThrow(() ->
                ProblemException.notFound("transformation_not_found", "No transformation {0}", id));
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.ADMIN) && !transformation.sellerId().equals(caller.accountId())) {
            throw ProblemException.forbidden("transformation_not_yours", "Transformation {0} is another seller''s", id);
        }
        List<Transformation.Input> used = inputs.of(id);
        Map<UUID, Lot> inputLots = lots.byIds(used.stream().map(i -> i.key().lotId()).toList()).stream()
                .collect(Collectors.toMap(Lot::id, Function.identity()));
        List<TransformationView.InputPart> drawn = used.stream().map(i -> {
            Lot lot = inputLots.get(i.key().lotId());
            return new TransformationView.InputPart(lot.code(), i.quantity(), lot.remainingQuantity(), lot.status());
        }).toList();
        List<LotResponse> made = lots.byIds(outputs.of(id).stream().map(o -> o.key().lotId()).toList()).stream()
                .map(lot -> LotResponse.of(new TracedLot(lot, products.findById(lot.productId()).orElseThrow()), links))
                .toList();
        return view(transformation, drawn, made);
    }

    /** Locks the input lots; each must be named once, exist and be the seller's. */
    private Map<String, Lot> lockInputs(UUID sellerId, List<TransformLots.Input> requested) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!codes.add(requested.get(i).lotCode())) {
                throw ProblemException.invalidField("inputs[" + i + "].lotCode", "names a lot already among the inputs");
            }
        }
        Map<String, Lot> locked = lots.lockByCodes(codes).stream().collect(Collectors.toMap(Lot::code, Function.identity()));
        for (TransformLots.Input input : requested) {
            Lot lot = locked.get(input.lotCode());
            if (lot == null) {
                throw LotProblems.notFound(input.lotCode());
            }
            if (!lot.isOwnedBy(sellerId)) {
                throw LotProblems.notYours(lot.code());
            }
        }
        return locked;
    }

    private static String commonUnit(List<TransformLots.Input> requested, Map<String, Lot> locked) {
        String unit = locked.get(requested.getFirst().lotCode()).unit();
        for (int i = 1; i < requested.size(); i++) {
            Lot lot = locked.get(requested.get(i).lotCode());
            if (!lot.unit().equals(unit)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "transformation_units_differ",
                        List.of(new Problem.FieldError("inputs[" + i + "].lotCode", "is counted in " + lot.unit() + ", not " + unit)),
                        "The input lots are counted in different units ({0}, {1})", unit, lot.unit());
            }
        }
        return unit;
    }

    /** The value every lot has, or null when they differ (or have none). */
    private static <T> T shared(Collection<Lot> lots, Function<Lot, T> value) {
        Set<T> values = lots.stream().map(value).collect(Collectors.toSet());
        return values.size() == 1 ? values.iterator().next() : null;
    }

    /** The view, inputs and outputs in lot-code order (as read back: the tables keep no request order). */
    private static TransformationView view(Transformation t, List<TransformationView.InputPart> drawn, List<LotResponse> made) {
        return new TransformationView(t.id(), t.process(), t.yieldRatio(), t.unit(), t.occurredOn(),
                drawn.stream().sorted(Comparator.comparing(TransformationView.InputPart::lotCode)).toList(),
                made.stream().sorted(Comparator.comparing(LotResponse::code)).toList(), t.createdAt());
    }
}
