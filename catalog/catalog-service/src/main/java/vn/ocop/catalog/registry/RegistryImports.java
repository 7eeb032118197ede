package vn.ocop.catalog.registry;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.catalog.locality.AdminUnits;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;

/**
 * Imports the official list: every valid row creates its certificate or updates the one with the same number, rows
 * with errors change nothing and are reported, and importing the same file again changes nothing. An officer imports
 * only certificates of their own province.
 */
@Singleton
class RegistryImports {

    enum Outcome { CREATED, UPDATED, UNCHANGED, ERROR }

    @Serdeable
    record RowResult(long row, @Nullable String certificateNumber, Outcome outcome, List<Problem.FieldError> errors) {
    }

    @Serdeable
    record Report(@Nullable UUID importId, boolean dryRun, int rows, int created, int updated, int unchanged, int errors,
                  List<RowResult> results) {
    }

    private final RegistryCsv csv;
    private final CertificateRepository certificates;
    private final RegistryImportRepository imports;
    private final ApplicationEventPublisher<CertificatesChanged> changes;
    private final Clock clock;

    RegistryImports(AdminUnits units, CertificateRepository certificates, RegistryImportRepository imports,
                    ApplicationEventPublisher<CertificatesChanged> changes, Clock clock) {
        this.csv = new RegistryCsv(units);
        this.certificates = certificates;
        this.imports = imports;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Report importList(Caller caller, @Nullable String fileName, byte[] file, boolean dryRun) {
        String province = caller.has(Roles.ADMIN) ? null : caller.officerProvince()
                .orElseThrow(() -> ProblemException.forbidden("not_an_officer", "Only trade office officers import the registry"));
        List<RegistryCsv.Row> rows = csv.read(file);
        Map<String, Certificate> existing = certificates.findByNumberIn(rows.stream()
                        .filter(r -> r.certificate() != null).map(RegistryCsv.Row::number).toList()).stream()
                .collect(Collectors.toMap(Certificate::number, Function.identity()));
        Instant now = clock.instant();
        List<RowResult> results = new ArrayList<>();
        List<Certificate> created = new ArrayList<>();
        List<Certificate> updated = new ArrayList<>();
        for (RegistryCsv.Row row : rows) {
            Certificate given = row.certificate();
            if (given == null) {
                results.add(new RowResult(row.row(), row.number(), Outcome.ERROR, row.errors()));
                continue;
            }
            Certificate current = existing.get(given.number());
            String outside = province == null ? null
                    : !province.equals(given.provinceCode()) ? given.provinceCode()
                    : current != null && !province.equals(current.provinceCode()) ? current.provinceCode() : null;
            if (outside != null) {
                results.add(new RowResult(row.row(), row.number(), Outcome.ERROR, List.of(new Problem.FieldError(
                        "province_code", "certificates of province " + outside + " are imported by its own trade office"))));
            } else if (current == null) {
                created.add(new Certificate(Ids.newId(), given.number(), given.productName(), given.subjectName(),
                        given.subjectCode(), given.stars(), given.ocopGroup(), given.issuingLevel(), given.issuedOn(),
                        given.expiresOn(), given.provinceCode(), given.communeCode(), given.legacyDistrictCode(),
                        given.status(), now, now, 0));
                results.add(new RowResult(row.row(), row.number(), Outcome.CREATED, List.of()));
            } else if (current.sameAs(given)) {
                results.add(new RowResult(row.row(), row.number(), Outcome.UNCHANGED, List.of()));
            } else {
                updated.add(current.updatedFrom(given, now));
                results.add(new RowResult(row.row(), row.number(), Outcome.UPDATED, List.of()));
            }
        }
        int errors = (int) results.stream().filter(r -> r.outcome() == Outcome.ERROR).count();
        int unchanged = rows.size() - created.size() - updated.size() - errors;
        if (dryRun) {
            return new Report(null, true, rows.size(), created.size(), updated.size(), unchanged, errors, results);
        }
        certificates.saveAll(created);
        certificates.updateAll(updated);
        changes.publishEvent(new CertificatesChanged(updated.stream().map(Certificate::id).toList()));
        RegistryImport saved = imports.save(new RegistryImport(Ids.newId(), province, fileName, sha256(file), caller.accountId(),
                rows.size(), created.size(), updated.size(), errors, now));
        return new Report(saved.id(), false, rows.size(), created.size(), updated.size(), unchanged, errors, results);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
