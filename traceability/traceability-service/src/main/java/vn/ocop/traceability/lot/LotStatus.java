package vn.ocop.traceability.lot;

/**
 * Where a lot stands. {@code ACTIVE}: it exists as goods under its code (in bulk, packed, or both).
 * {@code DEPLETED}: transformations used all of it and none was packed, so nothing carries its code any more.
 * {@code RECALLED}: reserved for recalls (not set by this service yet).
 */
public enum LotStatus {
    ACTIVE,
    DEPLETED,
    RECALLED
}
