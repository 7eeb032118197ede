package vn.ocop.payments.vnpay.standin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the merchant's IPN URL as VNPay does (a GET with the signed result) and reads its answer. */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class MerchantNotifier {

    /** The merchant's answer. */
    @Serdeable
    record Answer(@JsonProperty("RspCode") String rspCode, @JsonProperty("Message") String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MerchantNotifier.class);

    private final HttpClient client;
    private final StandInConfiguration config;

    MerchantNotifier(@Client("${ocop.vnpay.standin.ipn-url}") HttpClient client, StandInConfiguration config) {
        this.client = client;
        this.config = config;
    }

    /** The merchant's answer, or nothing when it could not be reached or did not answer VNPay's way. */
    Optional<Answer> notify(String txnRef, String signedQuery) {
        try {
            Answer answer = client.toBlocking().retrieve(HttpRequest.GET(config.ipnUrl() + "?" + signedQuery), Answer.class);
            LOG.info("VNPay stand-in: IPN for {} answered {} {}", txnRef, answer.rspCode(), answer.message());
            return Optional.of(answer);
        } catch (HttpClientException e) {
            LOG.warn("VNPay stand-in: IPN for {} to {} failed: {}", txnRef, config.ipnUrl(), e.getMessage());
            return Optional.empty();
        }
    }
}
