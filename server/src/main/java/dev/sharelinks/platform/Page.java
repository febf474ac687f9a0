package dev.sharelinks.platform;

import java.util.List;

/** One page of a list, numbered from 1. */
public record Page<T>(List<T> items, long total, int page, int perPage) {

    public int lastPage() {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    public Integer previous() {
        return page > 1 ? Math.min(page - 1, lastPage()) : null;
    }

    public Integer next() {
        return page < lastPage() ? page + 1 : null;
    }
}
