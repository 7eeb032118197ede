package vn.ocop.catalog.product;

import java.util.Collection;
import java.util.UUID;

/** In-process notice, inside the changing transaction, that these SKUs' stock or sales moved. */
public record StockChanged(Collection<UUID> skuIds) {
}
