package io.timetracker.api.system;

import io.timetracker.query.search.SearchVocabularyRepair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the read models are built: the search words a node killed between a write's commit and its
 * vocabulary write left out are written now ({@link SearchVocabularyRepair}), so that lost work resumes at the next
 * start of any node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SearchVocabularyAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchVocabularyAtStartup.class);

    private final SearchVocabularyRepair repair;

    SearchVocabularyAtStartup(SearchVocabularyRepair repair) {
        this.repair = repair;
    }

    @Override
    public void run(ApplicationArguments args) {
        int restored = repair.restoreMissingWords();
        if (restored > 0) {
            log.info("Restored {} search words that a stopped node had not written", restored);
        }
    }
}
