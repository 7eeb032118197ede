package vn.ocop.payments.vnpay;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call to VNPay's merchant API ({@code POST .../merchant_webapi/api/transaction}, JSON) that querydr and refund
 * share: where it goes, the {@code vnp_IpAddr} this server names, and what came back — VNPay's answer (its signature
 * still to be checked by the caller, who knows which fields it covers), or why there is none.
 */
@Singleton
class VnPayMerchantApi {

    /**
     * The outcome of one call.
     *
     * @param answer  VNPay's answer, or null
     * @param failure why there is none, in short ("HTTP 503", "no answer"), or null
     * @param detail  the same in a sentence, or null
     */
    record Reply(VnPayApiAnswer answer, String failure, String detail) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(VnPayMerchantApi.class);

    private final HttpClient client;
    private final URI endpoint;
    private final String serverIp;

    VnPayMerchantApi(@Client(id = "vnpay-api") HttpClient client, VnPayConfiguration merchant, VnPayApiConfiguration api) {
        this.client = client;
        this.endpoint = api.endpoint(merchant.payUrl());
        this.serverIp = api.serverIp() == null || api.serverIp().isBlank() ? merchant.fallbackIp() : api.serverIp();
    }

    /** {@code vnp_IpAddr} of API calls: this server's address. */
    String serverIp() {
        return serverIp;
    }

    /** Sends a signed request; {@code what} names it in the log ("refund request 1A2B for T123"). */
    Reply send(Object request, String what) {
        try {
            VnPayApiAnswer answer = client.toBlocking().retrieve(HttpRequest.POST(endpoint, request)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE), VnPayApiAnswer.class);
            return answer == null ? new Reply(null, "no answer", "an empty answer from VNPay's API") : new Reply(answer, null, null);
        } catch (HttpClientResponseException e) {
            String status = "HTTP " + e.getStatus().getCode();
            return new Reply(null, status, "VNPay's API answered " + status);
        } catch (RuntimeException e) {
            LOG.warn("VNPay {}: no answer ({})", what, e.getMessage());
            return new Reply(null, "no answer", "no answer from VNPay's API: " + e.getClass().getSimpleName());
        }
    }
}
