package vn.ocop.platform.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/**
 * A service's API and officers' page, for the browser-session specs: {@code /session-probe} as any API (JSON, any
 * authenticated caller) and {@code /office/probe} as a dashboard page (HTML with a small bar chart, officers only).
 */
@Controller
@Requires(property = "ocop.test.session-probe", value = "on")
class SessionProbeController {

    @Get("/session-probe")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> read(Authentication authentication) {
        return Map.of("accountId", authentication.getName(), "roles", authentication.getRoles());
    }

    @Post("/session-probe")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> change(Authentication authentication) {
        return Map.of("changedBy", authentication.getName());
    }

    @Put("/session-probe")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> replace(Authentication authentication) {
        return change(authentication);
    }

    @Patch("/session-probe")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> amend(Authentication authentication) {
        return change(authentication);
    }

    @Delete("/session-probe")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> remove(Authentication authentication) {
        return change(authentication);
    }

    @Get("/office/probe")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Secured(Roles.OFFICER)
    String page(Authentication authentication, @QueryValue(defaultValue = "2025") int year) {
        String province = Caller.of(authentication).officerProvince().orElse("?");
        // The numbers come from the request, not from user input: nothing here needs escaping.
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><title>Bảng điều khiển thử</title></head>
                <body style="margin:0;font-family:sans-serif">
                  <h1 id="who">Cán bộ tỉnh %s — năm %d</h1>
                  <svg id="chart" width="300" height="120" viewBox="0 0 300 120">
                    <rect x="10" y="20" width="60" height="100" fill="#8a1c14" data-value="100"></rect>
                    <rect x="110" y="60" width="60" height="60" fill="#8a1c14" data-value="60"></rect>
                    <rect x="210" y="90" width="60" height="30" fill="#8a1c14" data-value="30"></rect>
                  </svg>
                  <div style="height:2600px;background:linear-gradient(#fff,#ddd)"></div>
                  <p id="end">Hết trang</p>
                </body></html>
                """.formatted(province, year);
    }

    @Post("/office/probe")
    @Secured(Roles.OFFICER)
    Map<String, Object> act(Authentication authentication) {
        return Map.of("changedBy", authentication.getName());
    }
}
