package vn.ocop.traceability.area;

import java.math.BigDecimal;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated growing-area boundary.
 *
 * @param geoJson  the boundary as GeoJSON geometry ({@code type} and {@code coordinates} only), as stored
 * @param geometry the same as a JTS geometry (x = longitude, y = latitude), valid in the OGC sense
 * @param areaHa   its geodesic area on the WGS 84 ellipsoid, in hectares, four decimals (one square metre)
 */
record Boundary(String geoJson, Geometry geometry, BigDecimal areaHa) {
}
