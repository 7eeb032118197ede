package vn.ocop.catalog.locality;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A former commune that went into a current one, wholly or in part ({@code note} is the official wording, e.g.
 * "Nhập một phần").
 */
@MappedEntity("commune_predecessors")
public record CommunePredecessor(@EmbeddedId Key key, boolean whole, String note) {

    @Embeddable
    public record Key(@MappedProperty("commune_code") String communeCode,
                      @MappedProperty("legacy_commune_code") String legacyCommuneCode) {
    }
}
