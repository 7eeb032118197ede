package vn.ocop.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

@Controller("/address-echo")
@Requires(property = "spec.name", value = "ClientAddressSpec")
@Secured(SecurityRule.IS_ANONYMOUS)
class AddressEchoController {

    private final HttpClientAddressResolver resolver;

    AddressEchoController(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Get
    Map<String, String> echo(HttpRequest<?> request) {
        return Map.of("address", String.valueOf(resolver.resolve(request)));
    }
}
