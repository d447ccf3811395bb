package vn.motcua.shared;

import org.springframework.core.env.Environment;

/**
 * A configured address of a partner system, where {@code {port}} stands for the port this application listens on
 * (known only once it started): the demo's and the tests' simulators answer there.
 */
public final class LocalAddress {
    private LocalAddress() {
    }

    public static String resolve(String address, Environment env) {
        if (!address.contains("{port}")) {
            return address;
        }
        return address.replace("{port}", env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
