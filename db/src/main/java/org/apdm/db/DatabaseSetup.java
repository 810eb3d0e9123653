package org.apdm.db;

import java.util.ArrayList;
import java.util.List;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.location.DefaultSites;
import org.apdm.core.location.Site;

/**
 * What {@code apdm db init} puts into a database: the default filters with their AstroBin ids and the
 * configured rigs' filters (ids already set are kept), and the user's six sites when there are no sites yet.
 */
public final class DatabaseSetup {

    /** What was added. */
    public record Result(int filtersChanged, List<String> sitesAdded) {
    }

    private DatabaseSetup() {
    }

    public static Result init(AstroDatabase db, ApdmConfig config) throws DatabaseException {
        return db.inTransaction("setting up the database", c -> {
            FilterRepository filters = new FilterRepository(c);
            List<ApdmConfig.FilterDef> all = new ArrayList<>(ApdmConfig.DEFAULT_FILTERS);
            config.rigs().values().forEach(r -> {
                if (r.filters() != null) {
                    all.addAll(r.filters());
                }
            });
            int changed = filters.ensure(all);
            LocationRepository locations = new LocationRepository(c);
            List<String> added = new ArrayList<>();
            if (locations.all().isEmpty()) {
                for (Site s : DefaultSites.ALL) {
                    locations.insert(s);
                    added.add(s.name());
                }
            }
            return new Result(changed, added);
        });
    }
}
