package vn.ocop.platform.problem

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ProblemJsonSpec')
@Property(name = 'ocop.service.name', value = 'problemspec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
class ProblemJsonSpec extends Specification {

    @Inject @Client('/') HttpClient client

    def "#description is a 400 problem naming #fields"() {
        when:
        def response = call(HttpRequest.POST('/problem-test/orders', body).contentType(MediaType.APPLICATION_JSON))

        then:
        response.status().code == 400
        response.contentType.get().toString() == 'application/problem+json'
        def problem = response.getBody(Map).get()
        problem.status == 400
        problem.title
        problem.detail
        problem.instance == '/problem-test/orders'
        (problem.errors ?: [])*.field == fields

        where:
        description                 | body                                                              || fields
        'a missing field'           | '{"lines":[{"sku":"ST25-5KG","quantity":1}]}'                     || ['buyer']
        'an invalid nested field'   | '{"buyer":"b1","lines":[{"sku":"ST25-5KG","quantity":0}]}'        || ['lines[0].quantity']
        'an empty list'             | '{"buyer":"b1","lines":[]}'                                       || ['lines']
        'a wrong type'              | '{"buyer":"b1","lines":[{"sku":"ST25-5KG","quantity":"many"}]}'   || ['lines.quantity']
        'malformed JSON'            | '{"buyer":"b1","lines":[{"sku":'                                  || []
    }

    def "a query parameter out of range names the parameter"() {
        when:
        def response = call(HttpRequest.GET('/problem-test/page?limit=500'))

        then:
        response.status().code == 400
        response.getBody(Map).get().errors == [[field: 'limit', message: 'must be less than or equal to 100']]
    }

    def "a domain problem keeps its status and code, with the detail in the caller's language"() {
        when:
        def response = call(HttpRequest.GET('/problem-test/taken').header('Accept-Language', language))

        then:
        response.status().code == 409
        def problem = response.getBody(Map).get()
        problem.code == 'lot_taken'
        problem.type == 'urn:ocop:problem:lot_taken'
        problem.title == title
        problem.detail == 'Lot ST25-2026-001 is already registered'

        where:
        language     || title
        'en-US,en'   || 'Conflict'
        'vi-VN,vi'   || 'Xung đột trạng thái'
    }

    def "an unexpected failure is a 500 that leaks nothing"() {
        when:
        def response = call(HttpRequest.GET('/problem-test/boom').header('Accept-Language', 'en'))

        then:
        response.status().code == 500
        response.contentType.get().toString() == 'application/problem+json'
        def raw = response.getBody(String).get()
        !raw.contains('SELECT')
        !raw.contains('hunter2')
        !raw.contains('IllegalStateException')
        !raw.contains('vn.ocop')
        def problem = response.getBody(Map).get()
        problem.code == 'internal_error'
        problem.traceId ==~ /[0-9a-f]{32}/
    }

    def "#what is a #status problem"() {
        when:
        def response = call(request)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.getBody(Map).get().code == code

        where:
        what                          | request                                                                      || status | code
        'an unknown path'             | HttpRequest.GET('/nowhere')                                                  || 404    | 'not_found'
        'a secured path without token'| HttpRequest.GET('/problem-test/admin-only')                                  || 401    | 'unauthorized'
        'a forged token'              | HttpRequest.GET('/problem-test/admin-only').bearerAuth('eyJhbGciOiJub25lIn0.e30.') || 401 | 'unauthorized'
        'a wrong method'              | HttpRequest.DELETE('/problem-test/taken')                                    || 405    | 'method_not_allowed'
    }

    private HttpResponse<?> call(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response
        }
    }
}
