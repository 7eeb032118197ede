package vn.ocop.payments.ledger;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** Commission rates, for administrators: per OCOP group, and per seller (in basis points, 10000 = 100%). */
@Controller("/api/v1/admin/payments/commission")
@Secured(Roles.ADMIN)
class CommissionController {

    private final CommissionRates rates;

    CommissionController(CommissionRates rates) {
        this.rates = rates;
    }

    /** A new rate in basis points (500 = 5%). */
    @Serdeable
    record RateRequest(@NotNull Integer rateBps) {
    }

    @Operation(summary = "The default rate and each OCOP group's rate")
    @Get
    CommissionRates.Rates show() {
        return rates.rates();
    }

    @Operation(summary = "Sets an OCOP group's rate (FOOD, BEVERAGES, HERBAL, HANDICRAFTS, ORNAMENTALS, TOURISM)")
    @Put("/groups/{group}")
    CommissionRates.Rates setGroup(@PathVariable String group, @Body @Valid RateRequest request, Authentication authentication) {
        return rates.setGroup(group, request.rateBps(), Caller.of(authentication).accountId());
    }

    @Operation(summary = "Takes an OCOP group back to the default rate")
    @Delete("/groups/{group}")
    CommissionRates.Rates clearGroup(@PathVariable String group) {
        return rates.clearGroup(group);
    }

    @Operation(summary = "A seller's own rate, if it has one")
    @Get("/sellers/{sellerId}")
    CommissionRates.SellerRate seller(@PathVariable UUID sellerId) {
        return rates.seller(sellerId);
    }

    @Operation(summary = "Sets a seller's own rate, which wins over its products' group rates")
    @Put("/sellers/{sellerId}")
    CommissionRates.SellerRate setSeller(@PathVariable UUID sellerId, @Body @Valid RateRequest request,
                                         Authentication authentication) {
        return rates.setSeller(sellerId, request.rateBps(), Caller.of(authentication).accountId());
    }

    @Operation(summary = "Takes a seller back to its products' group rates")
    @Delete("/sellers/{sellerId}")
    CommissionRates.SellerRate clearSeller(@PathVariable UUID sellerId) {
        return rates.clearSeller(sellerId);
    }
}
