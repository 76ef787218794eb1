package io.timetracker.api.report;

import java.io.IOException;
import java.util.List;

/** Writes one export format to a stream, row by row: nothing it is given is kept once written. */
interface ExportWriter {

    /** One entry's values, one per column of the document, typed as {@link ExportColumn} gives them. */
    void row(List<Object> values) throws IOException;

    /**
     * Ends the document (with a totals row where the format has one: the entries written and their hours) and
     * flushes it; the stream stays open.
     */
    void finish(long entries, long seconds) throws IOException;
}
