package vn.ocop.platform.web

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification

/** Forwarding headers are believed only from trusted proxies; the test client connects from 127.0.0.1. */
class ClientAddressSpec extends Specification {

    def "with trusted proxies '#trusted' and X-Forwarded-For '#forwarded' the client is #client"() {
        given:
        def server = ApplicationContext.run(EmbeddedServer, ['spec.name'                   : 'ClientAddressSpec',
                                                             'ocop.service.name'           : 'addressspec',
                                                             'ocop.events.consumer.enabled': 'false',
                                                             'ocop.events.relay.enabled'   : 'false',
                                                             'ocop.http.trusted-proxies'   : trusted], 'test')
        def http = HttpClient.create(server.URL).toBlocking()

        expect:
        def request = HttpRequest.GET('/address-echo')
        if (forwarded) {
            request.header('X-Forwarded-For', forwarded)
        }
        http.retrieve(request, Map).address == client

        cleanup:
        server?.close()

        where:
        trusted                  | forwarded                         || client
        ''                       | null                              || '127.0.0.1'
        ''                       | '203.0.113.9'                     || '127.0.0.1'
        '127.0.0.1'              | null                              || '127.0.0.1'
        '127.0.0.1'              | '203.0.113.9'                     || '203.0.113.9'
        '127.0.0.0/8'            | '198.51.100.7, 203.0.113.9'       || '203.0.113.9'
        '127.0.0.1,10.0.0.0/8'   | '203.0.113.9, 10.1.2.3'           || '203.0.113.9'
        '127.0.0.1,10.0.0.0/8'   | '10.9.9.9, 10.1.2.3'              || '10.9.9.9'
        '10.0.0.0/8'             | '203.0.113.9'                     || '127.0.0.1'
    }
}
