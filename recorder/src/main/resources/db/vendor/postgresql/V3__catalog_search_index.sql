-- PostgreSQL only: a trigram index lets LIKE '%...%' on the search text skip the table scan
-- for words of three or more characters. pg_trgm ships with Debian's postgresql (contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX catalog_entry_search ON catalog_entry USING GIN (search_text gin_trgm_ops);
