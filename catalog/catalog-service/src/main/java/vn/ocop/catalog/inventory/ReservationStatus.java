package vn.ocop.catalog.inventory;

/** A checkout's reservation: held, refused, turned into a sale, or given back. */
enum ReservationStatus { RESERVED, REJECTED, COMMITTED, RELEASED }
