package vn.ocop.catalog.report;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.ocop.platform.security.Roles;

/** Operations on the report tables, for admins. */
@Controller("/api/v1/admin/reports")
@Secured(Roles.ADMIN)
class ReportAdminController {

    private final ReportRebuild rebuild;

    ReportAdminController(ReportRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Empties the event-fed report tables and replays orders', payments' and traceability's streams "
            + "into them; answers when done with the messages read and the events applied (409 while one is running)")
    @Post("/rebuild")
    @ExecuteOn(TaskExecutors.BLOCKING)
    ReportRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
