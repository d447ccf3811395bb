package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The national population database (through the provincial data-sharing platform), as intake uses it: is this the
 * citizen with this ID number, name and birth date, and what does the database hold about them. Implemented by the
 * integration module; when no implementation is present or the database does not answer, intake goes on without it.
 */
public interface PopulationRegistry {

    /** What the database holds about a citizen it recognised. */
    record Citizen(String idNumber, String name, LocalDate birthDate, String gender, String permanentAddress, String currentAddress) {
    }

    /** The answer: matched (with the citizen's data), or not, with the database's reason. */
    record Check(boolean matched, String reason, Optional<Citizen> citizen) {
    }

    /** @throws vn.motcua.shared.UnavailableException when the database cannot be reached now */
    Check verify(String idNumber, String name, LocalDate birthDate);
}
