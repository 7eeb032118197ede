package vn.ocop.catalog.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One import of the registry list: who imported which file (by its SHA-256) and what came of it. */
@MappedEntity("registry_imports")
record RegistryImport(@Id UUID id, @Nullable String provinceCode, @Nullable String fileName, String sha256, UUID actorId,
                      int rowCount, int createdCount, int updatedCount, int errorCount, Instant importedAt) {
}
