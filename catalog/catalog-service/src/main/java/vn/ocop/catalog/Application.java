package vn.ocop.catalog;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The catalog service: sellers, OCOP registry, products, search, inventory. */
@OpenAPIDefinition(info = @Info(title = "OCOP catalog", version = "0.1",
        description = "sellers, OCOP registry, products, search, inventory"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
