package vn.ocop.catalog.registry;

import java.util.Arrays;
import java.util.Optional;
import vn.ocop.platform.text.SearchKeys;

/** The six OCOP product groups of Decision 148/QĐ-TTg, with their official Vietnamese names. */
public enum OcopGroup {
    FOOD("Thực phẩm"),
    BEVERAGES("Đồ uống"),
    HERBAL("Thảo dược"),
    HANDICRAFTS("Thủ công mỹ nghệ"),
    ORNAMENTALS("Sinh vật cảnh"),
    TOURISM("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch");

    private final String label;

    OcopGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code ("FOOD") or by Vietnamese name with or without accents ("Thực phẩm", "thuc pham"). */
    public static Optional<OcopGroup> parse(String text) {
        String key = SearchKeys.fold(text);
        return Arrays.stream(values())
                .filter(g -> g.name().equalsIgnoreCase(text.strip()) || SearchKeys.fold(g.label).equals(key)
                        || g == TOURISM && key.startsWith("dich vu du lich"))
                .findFirst();
    }
}
