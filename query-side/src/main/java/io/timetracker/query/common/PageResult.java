package io.timetracker.query.common;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record PageResult<T>(List<T> items, long total) {
}
