package vn.ocop.payments;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The payments service: payment sessions, VNPay, refunds, seller ledger. */
@OpenAPIDefinition(info = @Info(title = "OCOP payments", version = "0.1",
        description = "payment sessions, VNPay, refunds, seller ledger"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
