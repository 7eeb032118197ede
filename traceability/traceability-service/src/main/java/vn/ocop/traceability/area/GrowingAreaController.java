package vn.ocop.traceability.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Growing areas: sellers and cooperatives declare and manage their own (corrections until verified, certificates,
 * farming diary); officers and admins read them; officers of the area's province verify or reject them.
 */
@Controller("/api/v1")
class GrowingAreaController {

    private final GrowingAreas areas;
    private final AreaReads reads;
    private final FarmingDiary diary;

    GrowingAreaController(GrowingAreas areas, AreaReads reads, FarmingDiary diary) {
        this.areas = areas;
        this.reads = reads;
        this.diary = diary;
    }

    @Post("/growing-areas")
    @Secured(Roles.SELLER)
    HttpResponse<AreaViews.Area> register(@Body @Valid AreaRequests.Register request, Authentication authentication) {
        GrowingArea area = areas.register(Caller.of(authentication).accountId(), request);
        return HttpResponse.created(reads.view(area), URI.create(path(area.id())));
    }

    @Put("/growing-areas/{id}")
    @Secured(Roles.SELLER)
    AreaViews.Area redeclare(@PathVariable UUID id, @Body @Valid AreaRequests.Redeclare request,
                             Authentication authentication) {
        return reads.view(areas.redeclare(id, Caller.of(authentication), request));
    }

    @Get("/growing-areas/{id}")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    AreaViews.Area show(@PathVariable UUID id, Authentication authentication) {
        return reads.one(id, Caller.of(authentication));
    }

    @Get("/sellers/{sellerId}/growing-areas")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    AreaViews.SummaryPage ofSeller(@PathVariable UUID sellerId, @QueryValue @Nullable String cursor,
                                   @QueryValue(defaultValue = "20") @Min(1) @Max(AreaReads.MAX_LIMIT) int limit,
                                   Authentication authentication) {
        return reads.ofSeller(sellerId, Caller.of(authentication), cursor, limit);
    }

    @Post("/growing-areas/{id}/certificates")
    @Secured(Roles.SELLER)
    HttpResponse<AreaViews.Area> addCertificate(@PathVariable UUID id, @Body @Valid AreaRequests.CertificatePart request,
                                                Authentication authentication) {
        Caller caller = Caller.of(authentication);
        areas.addCertificate(id, caller, request);
        return HttpResponse.created(reads.one(id, caller), URI.create(path(id)));
    }

    @Post("/growing-areas/{id}/diary-entries")
    @Secured(Roles.SELLER)
    HttpResponse<AreaViews.DiaryEntryPart> recordDiary(@PathVariable UUID id, @Body @Valid AreaRequests.DiaryEntryPart request,
                                                       Authentication authentication) {
        return HttpResponse.created(diary.record(id, Caller.of(authentication), request),
                URI.create(path(id) + "/diary-entries"));
    }

    @Get("/growing-areas/{id}/diary-entries")
    @Secured({Roles.SELLER, Roles.OFFICER, Roles.ADMIN})
    AreaViews.DiaryPage readDiary(@PathVariable UUID id, @QueryValue @Nullable LocalDate from,
                                  @QueryValue @Nullable LocalDate to, @QueryValue @Nullable String cursor,
                                  @QueryValue(defaultValue = "50") @Min(1) @Max(AreaReads.MAX_LIMIT) int limit,
                                  Authentication authentication) {
        return diary.page(id, Caller.of(authentication), from, to, cursor, limit);
    }

    @Post("/growing-areas/{id}/verification")
    @Secured(Roles.OFFICER)
    AreaViews.Area decide(@PathVariable UUID id, @Body @Valid AreaRequests.Verification request,
                          Authentication authentication) {
        return reads.view(areas.decide(id, Caller.of(authentication), request));
    }

    static String path(UUID id) {
        return "/api/v1/growing-areas/" + id;
    }
}
