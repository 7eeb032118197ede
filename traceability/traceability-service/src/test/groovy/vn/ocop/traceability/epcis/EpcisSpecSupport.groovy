package vn.ocop.traceability.epcis

import com.fasterxml.jackson.databind.ObjectMapper
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SchemaValidatorsConfig
import com.networknt.schema.SpecVersion
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import vn.ocop.traceability.ServiceSpec

/** Lots, documents and requests for the EPCIS specs. */
abstract class EpcisSpecSupport extends ServiceSpec {

    static final ObjectMapper JSON = new ObjectMapper()
    static final String GS1_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'
    static final String GTIN = '8931234567897'

    /** A lot code no other run has used: lots are never deleted by these specs. */
    static String newLotCode(String prefix = 'EP') {
        prefix + '-' + UUID.randomUUID().toString().replace('-', '').substring(0, 12).toUpperCase()
    }

    static String newEventId() {
        "urn:uuid:${UUID.randomUUID()}".toString()
    }

    abstract HttpClient client()

    /** Registers a lot of a product through the lot API, as its seller does. */
    Map registerLot(UUID seller, UUID productId, String code, String harvestDate = '2026-11-02') {
        client().toBlocking().exchange(HttpRequest.POST('/api/v1/lots',
                [productId: productId, code: code, quantity: 1200, unit: 'kg', harvestDate: harvestDate])
                .bearerAuth(token(seller, ['SELLER'])), Map).body()
    }

    static Map document(List<Map> events, Object context = GS1_CONTEXT) {
        ['@context'   : context, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-20T08:00:00+07:00',
         epcisBody    : [eventList: events]]
    }

    /** An ObjectEvent OBSERVE about a lot, by its class-level identifier. */
    static Map observe(String epcClass, String eventTime = '2026-11-20T08:00:00+07:00', String bizStep = 'inspecting',
                       String eventId = null) {
        def event = [type               : 'ObjectEvent', action: 'OBSERVE', eventTime: eventTime,
                     eventTimeZoneOffset: '+07:00', quantityList: [[epcClass: epcClass, quantity: 10, uom: 'KGM']],
                     bizStep            : bizStep, readPoint: [id: 'urn:epc:id:sgln:8930000.00001.0']]
        eventId ? event + [eventID: eventId] : event
    }

    static String lgtin(String lot) {
        // GTIN 8931234567897 = company prefix 893123, indicator 0, item reference 456789
        "urn:epc:class:lgtin:893123.0456789.${lot}".toString()
    }

    static String digitalLink(String lot) {
        "https://id.gs1.org/01/0${GTIN}/10/${URLEncoder.encode(lot, 'UTF-8')}".toString()
    }

    HttpResponse<Map> capture(Object document, UUID account, List<String> roles = ['SELLER'],
                              String contentType = 'application/ld+json') {
        client().toBlocking().exchange(HttpRequest.POST('/api/v1/epcis/capture',
                document instanceof String ? document : JSON.writeValueAsString(document))
                .contentType(contentType).bearerAuth(token(account, roles)), Map)
    }

    HttpClientResponseException captureFails(Object document, UUID account, List<String> roles = ['SELLER']) {
        try {
            capture(document, account, roles)
            throw new AssertionError('the capture was accepted')
        } catch (HttpClientResponseException e) {
            e
        }
    }

    HttpResponse<String> get(String path, UUID account, List<String> roles = ['SELLER'], String accept = null) {
        def request = HttpRequest.GET(path).bearerAuth(token(account, roles))
        if (accept) {
            request.accept(accept)
        }
        client().toBlocking().exchange(request, String)
    }

    Map getJson(String path, UUID account, List<String> roles = ['SELLER']) {
        JSON.readValue(get(path, account, roles).body(), Map)
    }

    HttpClientResponseException getFails(String path, UUID account, List<String> roles = ['SELLER']) {
        try {
            get(path, account, roles)
            throw new AssertionError('the request succeeded')
        } catch (HttpClientResponseException e) {
            e
        }
    }

    static Map problem(HttpClientResponseException e) {
        JSON.readValue(e.response.getBody(String).orElse('{}'), Map)
    }

    /** Validates with the validator library, against the schema file bundled in the service's resources. */
    static Set schemaViolations(String document) {
        def schemaNode = JSON.readTree(EpcisSpecSupport.getResourceAsStream('/epcis/EPCIS-JSON-Schema.json'))
        def config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()
        def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(URI.create('https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json'), schemaNode, config)
        schema.validate(JSON.readTree(document))
    }

    static String path(String lotCode) {
        "/api/v1/lots/${URLEncoder.encode(lotCode, 'UTF-8').replace('+', '%20')}/epcis".toString()
    }
}
