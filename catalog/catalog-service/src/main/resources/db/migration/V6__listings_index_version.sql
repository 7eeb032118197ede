-- Which version of the search index's text the listings hold; ListingIndexBuilder rebuilds them when it changes
-- (and fills them on first start after V5 for products published before).
INSERT INTO reference_data (name, checksum, row_count, loaded_at) VALUES ('listings-index', NULL, 0, NULL);
