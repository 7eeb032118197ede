package vn.ocop.catalog.product;

/** A product is visible to buyers only while published. */
public enum ProductStatus { DRAFT, PUBLISHED, SUSPENDED }
