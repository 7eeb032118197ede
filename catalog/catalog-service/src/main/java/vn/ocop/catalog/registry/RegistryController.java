package vn.ocop.catalog.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;

/**
 * The OCOP registry: anyone reads it; the trade office imports its official list as CSV (a text/csv body, or a
 * file uploaded from a form), with {@code dryRun=true} to see the report without changing anything.
 */
@Controller("/api/v1/ocop")
class RegistryController {

    private final RegistryImports imports;
    private final CertificateRepository certificates;
    private final RegistryImportRepository history;
    private final Clock clock;

    RegistryController(RegistryImports imports, CertificateRepository certificates, RegistryImportRepository history,
                       Clock clock) {
        this.imports = imports;
        this.certificates = certificates;
        this.history = history;
        this.clock = clock;
    }

    @Serdeable
    record CertificatePage(List<CertificateView> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record ImportView(UUID id, @Nullable String provinceCode, @Nullable String fileName, String sha256, UUID actorId, int rows,
                      int created, int updated, int errors, Instant importedAt) {
    }

    @Post(uri = "/certificates/imports", consumes = "text/csv")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    RegistryImports.Report importCsv(@Body byte[] file, @QueryValue(defaultValue = "false") boolean dryRun,
                                     @QueryValue @Nullable String fileName, Authentication authentication) {
        return imports.importList(Caller.of(authentication), fileName, file, dryRun);
    }

    @Post(uri = "/certificates/imports", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.OFFICER, Roles.ADMIN})
    RegistryImports.Report importUpload(@Part("file") CompletedFileUpload file, @QueryValue(defaultValue = "false") boolean dryRun,
                                        Authentication authentication) {
        try {
            return imports.importList(Caller.of(authentication), file.getFilename(), file.getBytes(), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Past imports, newest first: an officer sees their province's, an admin all. */
    @Get("/certificates/imports")
    @Secured({Roles.OFFICER, Roles.ADMIN})
    List<ImportView> imports(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<RegistryImport> found = caller.has(Roles.ADMIN) ? history.findTop50OrderByImportedAtDesc()
                : history.findTop50ByProvinceCodeOrderByImportedAtDesc(caller.officerProvince().orElse("--"));
        return found.stream().map(i -> new ImportView(i.id(), i.provinceCode(), i.fileName(), i.sha256(), i.actorId(),
                i.rowCount(), i.createdCount(), i.updatedCount(), i.errorCount(), i.importedAt())).toList();
    }

    /** An empty list with the header row, to fill in a spreadsheet. */
    @Get("/certificates/template.csv")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces("text/csv; charset=utf-8")
    String template() {
        return RegistryCsv.templateHeader() + "\n";
    }

    /** A province's certificates by number; {@code cursor} is the last number of the previous page. */
    @Get("/certificates")
    @Secured(SecurityRule.IS_ANONYMOUS)
    CertificatePage list(@QueryValue @Pattern(regexp = "\\d{2}") String province,
                         @QueryValue(defaultValue = "100") @Min(1) @Max(500) int limit, @QueryValue @Nullable String cursor) {
        List<Certificate> found = certificates.findByProvinceCodeAndNumberGreaterThan(province, cursor == null ? "" : cursor,
                Pageable.from(0, limit, Sort.of(Sort.Order.asc("number"))));
        LocalDate today = VietnamTime.today(clock);
        return new CertificatePage(found.stream().map(c -> CertificateView.of(c, today)).toList(),
                found.size() == limit ? found.getLast().number() : null);
    }

    @Get("/certificates/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    CertificateView show(@PathVariable UUID id) {
        return CertificateView.of(certificates.findById(id).orElseThrow(() -> ProblemException.notFound("certificate_not_found",
                "No certificate {0}", id)), VietnamTime.today(clock));
    }
}
