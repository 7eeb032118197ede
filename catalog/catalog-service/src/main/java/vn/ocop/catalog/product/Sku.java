package vn.ocop.catalog.product;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/**
 * A sellable unit of a product and its stock: {@code available} to sell now, {@code reserved} by checkouts awaiting
 * payment, {@code sold}. The database refuses any of them going below zero.
 */
@MappedEntity("skus")
public record Sku(@Id UUID id, UUID productId, int position, String code, String label, String unit, long priceVnd,
                  int weightGrams, int available, int reserved, int sold) {
}
