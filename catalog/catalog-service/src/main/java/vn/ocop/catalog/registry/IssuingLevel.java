package vn.ocop.catalog.registry;

import java.util.Optional;
import vn.ocop.platform.text.SearchKeys;

/** Who certified: the province (3 and 4 stars) or the central level (5 stars), per Decision 1489/QĐ-TTg. */
public enum IssuingLevel {
    PROVINCE, CENTRAL;

    static Optional<IssuingLevel> parse(String text) {
        return switch (SearchKeys.fold(text)) {
            case "province", "tinh", "cap tinh", "thanh pho", "ubnd tinh" -> Optional.of(PROVINCE);
            case "central", "trung uong", "cap trung uong", "quoc gia" -> Optional.of(CENTRAL);
            default -> Optional.empty();
        };
    }
}
