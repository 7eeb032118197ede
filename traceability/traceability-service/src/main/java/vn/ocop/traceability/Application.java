package vn.ocop.traceability;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The traceability service: lots, growing areas, EPCIS events, QR labels, resolver. */
@OpenAPIDefinition(info = @Info(title = "OCOP traceability", version = "0.1",
        description = "lots, growing areas, EPCIS events, QR labels, resolver"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
