package vn.ocop.identity.account;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;

/** The caller's own account. */
@Controller("/api/v1/accounts")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Get("/me")
    AccountProfile me(Authentication authentication) {
        var caller = Caller.of(authentication);
        return accounts.profile(caller.accountId())
                .orElseThrow(() -> ProblemException.notFound("account_not_found", "This account no longer exists"));
    }
}
