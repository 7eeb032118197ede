package vn.ocop.traceability.area;

/** Where a growing area stands with the province: declared by its seller, then verified or rejected by an officer. */
public enum GrowingAreaStatus {
    UNVERIFIED,
    VERIFIED,
    REJECTED
}
