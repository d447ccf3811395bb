package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dossier gets a random tracking secret (printed on the receipt, shown to the applicant), needed with the
 * dossier code to track it without logging in; dossiers received before this change get one too.
 */
public class V13__tracking_secret extends BaseJavaMigration {
    /** The alphabet and length of vn.motcua.dossier.domain.TrackingSecret (no 0/O, 1/I/L). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void migrate(Context context) throws Exception {
        var c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table dossier add column tracking_secret varchar(16)");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from dossier where tracking_secret is null")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (PreparedStatement u = c.prepareStatement("update dossier set tracking_secret = ? where id = ?")) {
            int n = 0;
            for (long id : ids) {
                u.setString(1, secret());
                u.setLong(2, id);
                u.addBatch();
                if (++n % 1000 == 0) {
                    u.executeBatch();
                }
            }
            u.executeBatch();
        }
    }

    private static String secret() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
