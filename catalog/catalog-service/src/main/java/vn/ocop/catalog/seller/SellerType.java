package vn.ocop.catalog.seller;

/** The kinds of OCOP subject (Decision 148/QĐ-TTg). */
public enum SellerType { HOUSEHOLD_BUSINESS, COOPERATIVE, COOPERATIVE_GROUP, ENTERPRISE }
