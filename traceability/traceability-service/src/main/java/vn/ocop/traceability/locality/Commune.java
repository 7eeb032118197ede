package vn.ocop.traceability.locality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Traceability's copy of an official post-July-2025 commune (as catalog published it): where a growing area may lie.
 *
 * @param code         5-digit commune code
 * @param provinceCode 2-digit code of its province, whose officers verify the growing areas in it
 * @param name         official name, e.g. "Xã Mỹ Xuyên"
 */
@MappedEntity("communes")
public record Commune(@Id String code, String provinceCode, String name) {
}
