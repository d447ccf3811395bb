package vn.motcua.documents;

/**
 * Where the bytes of every file live (dossier files, stored documents, signed results). Content-addressed and
 * immutable: a file is stored once under its SHA-256 and never overwritten or changed; reading checks the hash
 * again. The built-in adapter is a folder on disk ({@code motcua.documents.storage-dir}); an object store
 * (S3-compatible, with object lock) is another adapter of this port.
 */
public interface FileStorage {

    /** Stores the bytes (if not stored already) and returns their key: the lower-case hex SHA-256. */
    String put(byte[] content);

    /** The bytes stored under the key; fails loudly if they are missing or no longer match their hash. */
    byte[] get(String key);

    boolean exists(String key);

    /** The key bytes are (or would be) stored under: their SHA-256 in lower-case hex. */
    static String keyOf(byte[] content) {
        return vn.motcua.shared.Digests.sha256Hex(content);
    }
}
