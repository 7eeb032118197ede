package vn.ocop.platform.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;

@Controller("/whoami")
@Requires(property = "spec.name", value = "ResourceServerSpec")
class WhoAmIController {

    @Get
    @Secured({Roles.BUYER, Roles.OFFICER})
    Map<String, Object> whoAmI(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return Map.of("accountId", caller.accountId().toString(), "roles", caller.roles(),
                "province", caller.officerProvince().orElse("-"));
    }
}
