package vn.ocop.platform.consumer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Roles;

/** Operators' view of the service's dead letters: list, replay through the normal handler, discard. */
@Controller("/api/v1/admin/${ocop.service.name}/dead-letters")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeadLetterController {

    private static final String STREAM_ID = "\\d+-\\d+";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Serdeable
    record Page(List<DeadLetter> items, long total, @Nullable String nextCursor) {
    }

    @Serdeable
    record ReplayResult(String id, EventDispatcher.Outcome outcome) {
    }

    @Get
    Page list(@QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit,
              @QueryValue @Nullable @Pattern(regexp = STREAM_ID) String cursor) {
        List<DeadLetter> items = deadLetters.list(limit, cursor);
        String next = items.size() == limit ? items.getLast().id() : null;
        return new Page(items, deadLetters.count(), next);
    }

    @Get("/{id}")
    DeadLetter show(@PathVariable @Pattern(regexp = STREAM_ID) String id) {
        return deadLetters.find(id).orElseThrow(() -> notFound(id));
    }

    @Post("/{id}/replay")
    ReplayResult replay(@PathVariable @Pattern(regexp = STREAM_ID) String id) {
        try {
            return deadLetters.replay(id).map(outcome -> new ReplayResult(id, outcome)).orElseThrow(() -> notFound(id));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.conflict("replay_failed", "Replay of {0} failed and the letter was kept: {1}", id,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Delete("/{id}")
    HttpResponse<Void> discard(@PathVariable @Pattern(regexp = STREAM_ID) String id) {
        if (!deadLetters.discard(id)) {
            throw notFound(id);
        }
        return HttpResponse.noContent();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("dead_letter_not_found", "No dead letter {0}", id);
    }
}
