package vn.ocop.traceability.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A growing area's GeoJSON boundary (Polygon or MultiPolygon, WGS 84) as an SVG path for the resolver page. Longitude
 * and latitude are projected equirectangularly around the boundary's middle latitude (x = lon x cos(mid lat),
 * y = -lat), which keeps the shape of a field of a few hectares true, then scaled into a {@value #WIDTH}-wide viewBox
 * with a margin; the height follows the shape (at most {@value #MAX_HEIGHT}). Each ring becomes one closed subpath
 * (drawn with fill-rule evenodd, so holes stay holes).
 *
 * @param viewBox the SVG viewBox, e.g. {@code 0 0 320 214}
 * @param path    the path data, numbers only
 */
record BoundarySvg(String viewBox, String path, int width, int height) {

    static final int WIDTH = 320;
    static final int MAX_HEIGHT = 320;
    static final double MARGIN = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The drawing of a stored boundary; null when it cannot be read (stored boundaries were validated, so never). */
    static BoundarySvg of(String geoJson) {
        List<List<double[]>> rings = new ArrayList<>();
        try {
            JsonNode geometry = JSON.readTree(geoJson);
            JsonNode coordinates = geometry.path("coordinates");
            switch (geometry.path("type").asText()) {
                case "Polygon" -> coordinates.forEach(ring -> rings.add(positions(ring)));
                case "MultiPolygon" -> coordinates.forEach(polygon -> polygon.forEach(ring -> rings.add(positions(ring))));
                default -> {
                    return null;
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return draw(rings);
    }

    private static List<double[]> positions(JsonNode ring) {
        List<double[]> positions = new ArrayList<>();
        ring.forEach(position -> positions.add(new double[] {position.get(0).asDouble(), position.get(1).asDouble()}));
        return positions;
    }

    static BoundarySvg draw(List<List<double[]>> rings) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (List<double[]> ring : rings) {
            for (double[] p : ring) {
                minLon = Math.min(minLon, p[0]);
                maxLon = Math.max(maxLon, p[0]);
                minLat = Math.min(minLat, p[1]);
                maxLat = Math.max(maxLat, p[1]);
            }
        }
        if (minLon > maxLon) {
            return null;
        }
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * cos, 1e-9);
        double spanY = Math.max(maxLat - minLat, 1e-9);
        double inner = WIDTH - 2 * MARGIN;
        double scale = Math.min(inner / spanX, (MAX_HEIGHT - 2 * MARGIN) / spanY);
        double offsetX = MARGIN + (inner - spanX * scale) / 2;
        int height = (int) Math.ceil(spanY * scale + 2 * MARGIN);
        StringBuilder path = new StringBuilder();
        for (List<double[]> ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                double x = offsetX + (ring.get(i)[0] - minLon) * cos * scale;
                double y = MARGIN + (maxLat - ring.get(i)[1]) * scale;
                path.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            }
            path.append("Z ");
        }
        return new BoundarySvg("0 0 " + WIDTH + " " + height, path.toString().strip(), WIDTH, height);
    }
}
