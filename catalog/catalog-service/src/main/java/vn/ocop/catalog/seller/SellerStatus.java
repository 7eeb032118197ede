package vn.ocop.catalog.seller;

/** Where a seller stands with the trade office. Only a verified seller can publish products. */
public enum SellerStatus { PENDING, VERIFIED, REJECTED, SUSPENDED }
