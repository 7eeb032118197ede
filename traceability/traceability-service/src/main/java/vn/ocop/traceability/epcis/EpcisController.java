package vn.ocop.traceability.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * EPCIS 2.0 capture: a seller captures an {@code EPCISDocument} (or one event with its {@code @context}) about their
 * own lots, an admin about anyone's; every event is checked against the GS1 JSON Schema and the document is stored
 * all or nothing. A captured event can be read back by its eventID.
 */
@Controller("/api/v1/epcis")
class EpcisController {

    static final String LD_JSON = "application/ld+json";

    private final EpcisCapture capture;
    private final EpcisReads reads;

    EpcisController(EpcisCapture capture, EpcisReads reads) {
        this.capture = capture;
        this.reads = reads;
    }

    @Post(value = "/capture", consumes = {LD_JSON, MediaType.APPLICATION_JSON})
    @Secured({Roles.SELLER, Roles.ADMIN})
    HttpResponse<Captured> capture(@Body String document, Authentication authentication) {
        return HttpResponse.created(capture.capture(EpcisJson.parse(document), Actor.of(Caller.of(authentication))));
    }

    @Get(value = "/events", produces = {LD_JSON, MediaType.APPLICATION_JSON})
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    HttpResponse<String> event(@QueryValue("eventID") String eventId, Authentication authentication, HttpRequest<?> request) {
        return document(reads.event(eventId, Caller.of(authentication)), request);
    }

    /** A document as {@code application/ld+json}, or {@code application/json} when the caller asks only for that. */
    static HttpResponse<String> document(JsonNode document, HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT, String.class).orElse("");
        String type = accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(LD_JSON) ? MediaType.APPLICATION_JSON : LD_JSON;
        return HttpResponse.ok(EpcisJson.write(document)).contentType(type + ";charset=utf-8");
    }
}
