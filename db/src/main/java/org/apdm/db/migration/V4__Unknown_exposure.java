package org.apdm.db.migration;

import java.sql.SQLException;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An accepted folder's exposure may be unknown: a DSLR night whose raw files have no EXIF and whose folder names no
 * exposure is recorded with its frame count and a NULL exposure (issue 11.2), as the old scripts counted it, instead
 * of being dropped. Same table rebuild as V2.
 */
public class V4__Unknown_exposure extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        V2__Relax_legacy_not_null.relax(context.getConnection(), "accepted_data", Set.of("shutter_time_seconds"), null);
    }
}
