package vn.ocop.payments.vietqr;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotBlank;

/**
 * Someone allowed to tell us about transfers to the collection account (the bank's own webhook, or an aggregator that
 * watches the account), configured as {@code ocop.vietqr.sources.<name>.secret}: it names itself in the
 * {@code X-VietQR-Source} header and signs each notification's raw body with HMAC-SHA256 under its own secret.
 *
 * @param name   the source's name, as it sends it
 * @param secret its HMAC-SHA256 key
 */
@EachProperty("ocop.vietqr.sources")
public record NotificationSource(@Parameter String name, @NotBlank String secret) {

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "NotificationSource[name=" + name + ", secret=(hidden)]";
    }
}
