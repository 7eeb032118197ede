package vn.ocop.identity.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/** Self-registration of buyers and sellers. */
@Controller("/api/v1/auth/register")
@Secured(SecurityRule.IS_ANONYMOUS)
class RegistrationController {

    private final Accounts accounts;

    RegistrationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Post
    @Status(HttpStatus.CREATED)
    RegisteredResponse registerBuyer(@Body @Valid RegisterRequest request) {
        return RegisteredResponse.of(accounts.create(request.toNewAccount()));
    }

    /** The seller's verification happens in catalog, which learns of the application from AccountRegistered. */
    @Post("/seller")
    @Status(HttpStatus.CREATED)
    RegisteredResponse registerSeller(@Body @Valid SellerRegisterRequest request) {
        return RegisteredResponse.of(accounts.create(request.toNewAccount()));
    }
}
