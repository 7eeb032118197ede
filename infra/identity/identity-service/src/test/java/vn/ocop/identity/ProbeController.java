package vn.ocop.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/** An endpoint of "another service", secured by role, for TokenAcceptedElsewhereSpec. */
@Controller("/probe")
@Requires(property = "spec.name", value = "TokenAcceptedElsewhereSpec")
class ProbeController {

    @Get
    @Secured(Roles.BUYER)
    Map<String, Object> probe(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return Map.of("accountId", caller.accountId().toString(), "roles", caller.roles());
    }
}
