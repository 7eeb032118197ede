package vn.ocop.traceability.area;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;

/**
 * Reads a growing area's boundary from GeoJSON (RFC 7946): a Polygon or MultiPolygon geometry, or a Feature holding
 * one. Every ring must be closed (its last position repeats the first) and have at least four positions, every position
 * a longitude and latitude inside the configured box around Vietnam; the shape must then be valid for JTS (no
 * self-intersection, holes inside their shell, polygons of a MultiPolygon not overlapping). The area is geodesic:
 * GeographicLib's exact polygon area on the WGS 84 ellipsoid, the holes subtracted.
 */
@Singleton
final class Boundaries {

    static final String FIELD = "boundary";
    private static final int MAX_ERRORS = 10;
    private static final BigDecimal SQUARE_METRES_PER_HECTARE = BigDecimal.valueOf(10_000);

    private final GrowingAreaSettings settings;
    private final JsonMapper json;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    Boundaries(GrowingAreaSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /**
     * The boundary, validated.
     *
     * @throws ProblemException 400 {@code boundary_invalid}, with one error per problem found (path and reason)
     */
    Boundary read(JsonNode node) {
        Reading reading = new Reading();
        Geometry geometry = reading.geometry(node, FIELD);
        reading.failIfAny();
        TopologyValidationError invalid = new IsValidOp(geometry).getValidationError();
        if (invalid != null) {
            Coordinate at = invalid.getCoordinate();
            reading.error(FIELD, describe(invalid) + (at == null ? "" : " near longitude " + at.x + ", latitude " + at.y));
            reading.failIfAny();
        }
        return new Boundary(write(geometry), geometry, hectares(geometry));
    }

    /** A stored boundary, read back as GeoJSON for responses. */
    JsonNode tree(String geoJson) {
        try {
            return json.readValue(geoJson, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored boundary is not JSON", e);
        }
    }

    private static String describe(TopologyValidationError error) {
        return switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    "the boundary crosses itself";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "a hole lies outside its polygon";
            case TopologyValidationError.NESTED_HOLES -> "a hole lies inside another hole";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "holes cut the polygon in pieces";
            case TopologyValidationError.NESTED_SHELLS -> "polygons of the MultiPolygon overlap";
            case TopologyValidationError.TOO_FEW_POINTS -> "a ring has fewer than three distinct positions";
            default -> "the boundary is not a valid polygon (" + error.getMessage() + ")";
        };
    }

    /** Sum over the polygons of |shell| − Σ|holes|, each ring's area computed on the ellipsoid, in hectares. */
    private static BigDecimal hectares(Geometry geometry) {
        double squareMetres = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            squareMetres += ringArea(polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                squareMetres -= ringArea(polygon.getInteriorRingN(h));
            }
        }
        return BigDecimal.valueOf(squareMetres).divide(SQUARE_METRES_PER_HECTARE, 4, RoundingMode.HALF_UP);
    }

    private static double ringArea(LinearRing ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] positions = ring.getCoordinates();
        for (int i = 0; i < positions.length - 1; i++) { // the closing position repeats the first
            area.AddPoint(positions[i].y, positions[i].x);
        }
        return Math.abs(area.Compute(false, true).area);
    }

    private String write(Geometry geometry) {
        List<JsonNode> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            polygons.add(polygonTree((Polygon) geometry.getGeometryN(i)));
        }
        JsonNode tree = geometry instanceof Polygon
                ? object("Polygon", polygons.getFirst())
                : object("MultiPolygon", JsonNode.createArrayNode(polygons));
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode object(String type, JsonNode coordinates) {
        return JsonNode.createObjectNode(Map.of("type", JsonNode.createStringNode(type), "coordinates", coordinates));
    }

    private static JsonNode polygonTree(Polygon polygon) {
        List<JsonNode> rings = new ArrayList<>();
        rings.add(ringTree(polygon.getExteriorRing()));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            rings.add(ringTree(polygon.getInteriorRingN(h)));
        }
        return JsonNode.createArrayNode(rings);
    }

    private static JsonNode ringTree(LinearRing ring) {
        List<JsonNode> positions = new ArrayList<>();
        for (Coordinate c : ring.getCoordinates()) {
            positions.add(JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(c.x), JsonNode.createNumberNode(c.y))));
        }
        return JsonNode.createArrayNode(positions);
    }

    /** One read of a GeoJSON tree, collecting what is wrong with it by path. */
    private final class Reading {

        private final List<Problem.FieldError> errors = new ArrayList<>();
        private int positions;

        void error(String path, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new Problem.FieldError(path, message));
            }
        }

        void failIfAny() {
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "boundary_invalid", errors,
                        "The boundary is not a valid GeoJSON polygon inside Vietnam: {0}", errors.getFirst().message());
            }
        }

        Geometry geometry(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                error(path, "must be a GeoJSON Polygon or MultiPolygon");
                return null;
            }
            JsonNode type = node.get("type");
            String kind = type != null && type.isString() ? type.getStringValue() : "";
            return switch (kind) {
                case "Feature" -> geometry(node.get("geometry"), path + ".geometry");
                case "Polygon" -> polygon(node.get("coordinates"), path + ".coordinates");
                case "MultiPolygon" -> multiPolygon(node.get("coordinates"), path + ".coordinates");
                default -> {
                    error(path + ".type", "must be Polygon or MultiPolygon (or a Feature of one)");
                    yield null;
                }
            };
        }

        private Geometry multiPolygon(JsonNode node, String path) {
            if (!nonEmptyArray(node, path, "must be a non-empty array of polygons")) {
                return null;
            }
            Polygon[] polygons = new Polygon[node.size()];
            for (int i = 0; i < node.size(); i++) {
                polygons[i] = polygon(node.get(i), path + "[" + i + "]");
            }
            return errors.isEmpty() ? geometries.createMultiPolygon(polygons) : null;
        }

        private Polygon polygon(JsonNode node, String path) {
            if (!nonEmptyArray(node, path, "must be a non-empty array of rings")) {
                return null;
            }
            LinearRing[] rings = new LinearRing[node.size()];
            for (int i = 0; i < node.size(); i++) {
                rings[i] = ring(node.get(i), path + "[" + i + "]");
            }
            if (!errors.isEmpty()) {
                return null;
            }
            LinearRing[] holes = new LinearRing[rings.length - 1];
            System.arraycopy(rings, 1, holes, 0, holes.length);
            return geometries.createPolygon(rings[0], holes);
        }

        private LinearRing ring(JsonNode node, String path) {
            if (!nonEmptyArray(node, path, "must be an array of positions")) {
                return null;
            }
            if (node.size() < 4) {
                error(path, "a ring needs at least 4 positions, the last repeating the first");
                return null;
            }
            positions += node.size();
            if (positions > settings.maxPositions()) {
                error(path, "the boundary has more than " + settings.maxPositions() + " positions");
                return null;
            }
            Coordinate[] coordinates = new Coordinate[node.size()];
            for (int i = 0; i < node.size(); i++) {
                coordinates[i] = position(node.get(i), path + "[" + i + "]");
            }
            if (errors.isEmpty() && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                error(path, "the ring is not closed: its last position must repeat the first");
            }
            return errors.isEmpty() ? geometries.createLinearRing(coordinates) : null;
        }

        private Coordinate position(JsonNode node, String path) {
            if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3
                    || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                error(path, "must be a position [longitude, latitude]");
                return null;
            }
            double longitude = node.get(0).getDoubleValue();
            double latitude = node.get(1).getDoubleValue();
            if (!Double.isFinite(longitude) || !Double.isFinite(latitude) || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
                error(path, "is not a longitude and latitude in degrees");
                return null;
            }
            if (!settings.contains(longitude, latitude)) {
                error(path, "lies outside Vietnam (longitude " + longitude + ", latitude " + latitude + ")");
                return null;
            }
            return new Coordinate(longitude, latitude);
        }

        private boolean nonEmptyArray(JsonNode node, String path, String message) {
            if (node == null || !node.isArray() || node.size() == 0) {
                error(path, message);
                return false;
            }
            return true;
        }
    }
}
