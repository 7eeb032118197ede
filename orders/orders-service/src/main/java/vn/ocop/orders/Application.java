package vn.ocop.orders;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The orders service: checkouts, per-seller orders, lifecycle. */
@OpenAPIDefinition(info = @Info(title = "OCOP orders", version = "0.1",
        description = "checkouts, per-seller orders, lifecycle"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
