package org.tongke.recorder.catalog;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The catalog's search structures in memory: for each entry its sort keys, searchable texts and
 * facet values; for each distinct text and each facet value the set of entries that have it.
 * A search is set arithmetic on bit sets (a word: the union over the texts that contain it;
 * filters: intersections; facet counts: one pass over the matches), so it costs the
 * same whatever the database. The database stays the record: the index is built from it and
 * follows its {@code changed_at}. Thread-safe (one writer or many readers).
 */
final class SearchIndex {
    /** One entry as the index holds it. */
    record Item(long id, String type, int sortDay, int startMinute, long views, String title, List<String> terms,
            List<String[]> facets) {
    }

    /** What matched: the slots in the requested order, and the facet counts. */
    record Matches(int total, List<Long> page, Map<String, List<SearchResult.FacetCount>> facets) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Item> slots = new ArrayList<>();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final BitSet live = new BitSet();
    private final Map<String, BitSet> terms = new HashMap<>();
    /** facet -> value -> [label, entries]. */
    private final Map<String, Map<String, Posting>> facets = new LinkedHashMap<>();

    private static final class Posting {
        final int number;
        final String facet;
        final String value;
        String label;
        final BitSet entries = new BitSet();
        /** How many live entries have this value: the counts of a search without words or filters. */
        int count;

        Posting(int number, String facet, String value) {
            this.number = number;
            this.facet = facet;
            this.value = value;
        }
    }

    /** Every posting by its number, and each slot's posting numbers, for counting by array. */
    private final List<Posting> postings = new ArrayList<>();
    private final List<int[]> slotPostings = new ArrayList<>();
    /** Slots in each order, built when first needed after a change. */
    private final Map<SearchQuery.Sort, int[]> orders = new java.util.EnumMap<>(SearchQuery.Sort.class);

    void put(Item item) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(item.id());
            if (slot != null) {
                clear(slot);
            } else {
                slot = slots.size();
                slots.add(null);
                slotOf.put(item.id(), slot);
            }
            slots.set(slot, item);
            live.set(slot);
            orders.clear();
            for (String term : item.terms()) {
                terms.computeIfAbsent(term, t -> new BitSet()).set(slot);
            }
            int[] numbers = new int[item.facets().size()];
            int n = 0;
            for (String[] facet : item.facets()) {
                Posting posting = facets.computeIfAbsent(facet[0], f -> new HashMap<>())
                        .computeIfAbsent(facet[1], v -> {
                            Posting created = new Posting(postings.size(), facet[0], v);
                            postings.add(created);
                            return created;
                        });
                posting.label = facet[2];
                if (!posting.entries.get(slot)) {
                    posting.entries.set(slot);
                    posting.count++;
                }
                numbers[n++] = posting.number;
            }
            while (slotPostings.size() <= slot) {
                slotPostings.add(new int[0]);
            }
            slotPostings.set(slot, numbers);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void views(long id, long views) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(id);
            if (slot != null) {
                Item i = slots.get(slot);
                slots.set(slot, new Item(i.id(), i.type(), i.sortDay(), i.startMinute(), views, i.title(), i.terms(),
                        i.facets()));
                orders.remove(SearchQuery.Sort.VIEWS);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void clear(int slot) {
        Item old = slots.get(slot);
        live.clear(slot);
        old.terms().forEach(t -> terms.get(t).clear(slot));
        for (String[] f : old.facets()) {
            Posting posting = facets.get(f[0]).get(f[1]);
            if (posting.entries.get(slot)) {
                posting.entries.clear(slot);
                posting.count--;
            }
        }
    }

    Matches search(SearchQuery q, List<String> facetNames) {
        lock.readLock().lock();
        try {
            BitSet match = (BitSet) live.clone();
            for (String word : SearchText.words(q.text())) {
                BitSet any = new BitSet();
                terms.forEach((text, entries) -> {
                    if (text.contains(word)) {
                        any.or(entries);
                    }
                });
                match.and(any);
            }
            filter(match, "type", q.type());
            filter(match, "community", q.community());
            filter(match, "school", q.school());
            filter(match, "subject", q.subject());
            filter(match, "grade", q.grade() == null ? null : q.grade().toString());
            filter(match, "teacher", q.teacher());
            filter(match, "kind", q.kind());
            if (q.from() != null || q.to() != null) {
                int from = q.from() == null ? Integer.MIN_VALUE : (int) q.from().toEpochDay();
                int to = q.to() == null ? Integer.MAX_VALUE : (int) q.to().toEpochDay();
                for (int s = match.nextSetBit(0); s >= 0; s = match.nextSetBit(s + 1)) {
                    int day = slots.get(s).sortDay();
                    if (day < from || day > to) {
                        match.clear(s);
                    }
                }
            }
            return new Matches(match.cardinality(), page(match, q), counts(match, facetNames));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void filter(BitSet match, String facet, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Posting posting = facets.getOrDefault(facet, Map.of()).get(value);
        if (posting == null) {
            match.clear();
        } else {
            match.and(posting.entries);
        }
    }

    private List<Long> page(BitSet match, SearchQuery q) {
        int from = (q.page() - 1) * q.pageSize();
        int want = q.page() * q.pageSize();
        List<Long> out = new ArrayList<>(q.pageSize());
        int seen = 0;
        for (int slot : order(q.sort())) {
            if (match.get(slot)) {
                if (seen++ >= from) {
                    out.add(slots.get(slot).id());
                }
                if (seen >= want) {
                    break;
                }
            }
        }
        return out;
    }

    /** The live slots in an order, sorted once after each change (under the read lock, so guarded). */
    private int[] order(SearchQuery.Sort sort) {
        synchronized (orders) {
            return orders.computeIfAbsent(sort, s -> live.stream().boxed()
                    .sorted(java.util.Comparator.comparing(slots::get, comparator(s))).mapToInt(Integer::intValue).toArray());
        }
    }

    static java.util.Comparator<Item> comparator(SearchQuery.Sort sort) {
        java.util.Comparator<Item> newest = java.util.Comparator.comparingInt(Item::sortDay).reversed()
                .thenComparing(java.util.Comparator.comparingInt(Item::startMinute).reversed())
                .thenComparing(java.util.Comparator.comparingLong(Item::id).reversed());
        return switch (sort) {
            case DATE -> newest;
            case VIEWS -> java.util.Comparator.comparingLong(Item::views).reversed()
                    .thenComparing(java.util.Comparator.comparingLong(Item::id).reversed());
            case TITLE -> java.util.Comparator.comparing(Item::title).thenComparing(newest);
        };
    }

    private Map<String, List<SearchResult.FacetCount>> counts(BitSet match, List<String> facetNames) {
        int[] counts = new int[postings.size()];
        if (match.equals(live)) {
            postings.forEach(p -> counts[p.number] = p.count);
        } else {
            for (int s = match.nextSetBit(0); s >= 0; s = match.nextSetBit(s + 1)) {
                for (int number : slotPostings.get(s)) {
                    counts[number]++;
                }
            }
        }
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        facetNames.forEach(f -> out.put(f, new ArrayList<>()));
        for (Posting posting : postings) {
            List<SearchResult.FacetCount> list = out.get(posting.facet);
            if (counts[posting.number] > 0 && list != null) {
                list.add(new SearchResult.FacetCount(posting.value, posting.label, counts[posting.number]));
            }
        }
        return out;
    }
}
