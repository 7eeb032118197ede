package vn.ocop.traceability.lot;

/**
 * Where a lot stands. {@code ACTIVE}: it exists as goods under its code (in bulk, packed, or both).
 * {@code DEPLETED}: transformations used all of it and none was packed, so nothing carries its code any more.
 * {@code RECALLED}: recalled by its seller or an officer (or made from a recalled lot): nothing more can be packed or
 * transformed from it, and its public page says so.
 */
public enum LotStatus {
    ACTIVE,
    DEPLETED,
    RECALLED
}
