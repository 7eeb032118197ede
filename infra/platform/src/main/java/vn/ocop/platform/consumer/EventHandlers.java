package vn.ocop.platform.consumer;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ocop.platform.event.EventHandler;

/** The service's event handlers, by stream and type; refuses two handlers for one type. */
@Singleton
public final class EventHandlers {

    private final Map<String, Map<String, EventHandler<?>>> byStream = new LinkedHashMap<>();

    EventHandlers(List<EventHandler<?>> handlers) {
        for (EventHandler<?> handler : handlers) {
            var previous = byStream.computeIfAbsent(handler.stream(), s -> new LinkedHashMap<>()).put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.stream() + "/" + handler.type() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    public Set<String> streams() {
        return Collections.unmodifiableSet(byStream.keySet());
    }

    public Optional<EventHandler<?>> find(String stream, String type) {
        return Optional.ofNullable(byStream.getOrDefault(stream, Map.of()).get(type));
    }
}
