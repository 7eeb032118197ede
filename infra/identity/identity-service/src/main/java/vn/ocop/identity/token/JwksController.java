package vn.ocop.identity.token;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** The public keys other services verify identity's access tokens with. */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get("/jwks.json")
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(keys.publicKeys().toJSONObject()).header(HttpHeaders.CACHE_CONTROL, "max-age=300");
    }
}
