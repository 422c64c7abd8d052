-- H2 has no trigram index; its search scans the normalized search text (see bench/RESULTS.md).
SELECT 1;
