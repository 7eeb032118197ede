package vn.ocop.platform

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper

/**
 * Published event versions are kept as JSON fixtures in each -api module ({@code /events/<Type>.v<N>.json}).
 * A fixture must still read into the current record, and writing that record back must give every field again.
 */
class EventFixtures {

    private static final JsonMapper JSON = ApplicationContext.run(['micronaut.serde.write-dates-as-timestamps': 'false'])
            .getBean(JsonMapper)

    /** [what the record writes back, what the fixture says], both as plain maps. */
    static List<Map> roundTrip(Class<?> type, String fixture) {
        String text = EventFixtures.getResource("/events/$fixture").getText('UTF-8')
        def event = JSON.readValue(text, type)
        [JSON.readValue(JSON.writeValueAsString(event), Map), JSON.readValue(text, Map)]
    }
}
