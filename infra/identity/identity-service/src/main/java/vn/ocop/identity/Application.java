package vn.ocop.identity;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The identity service: accounts, roles, login, tokens and JWKS. */
@OpenAPIDefinition(info = @Info(title = "OCOP identity", version = "0.1",
        description = "accounts, roles, login, tokens and JWKS"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
