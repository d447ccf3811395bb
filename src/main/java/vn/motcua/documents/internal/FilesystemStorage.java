package vn.motcua.documents.internal;

import org.springframework.stereotype.Component;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.FileStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The file store on disk. Layout: {@code <storage-dir>/sha256/ab/cd/abcd…(64 hex)} — the first two pairs of hex
 * digits as folders so no folder grows past 65,536 entries. A file is written to a temporary name, forced to disk
 * and moved into place atomically, then made read-only; an existing file is never replaced. Backing up is copying
 * the folder (rsync, snapshots) together with a database backup: the database names the keys, the folder holds
 * the bytes, and extra files in the folder are harmless.
 */
@Component
class FilesystemStorage implements FileStorage {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    FilesystemStorage(DocumentsProperties properties) {
        this.root = properties.storageDir().toAbsolutePath().normalize().resolve("sha256");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục lưu tệp " + root, e);
        }
    }

    @Override
    public String put(byte[] content) {
        String key = FileStorage.keyOf(content);
        Path target = path(key);
        if (Files.exists(target)) {
            return key;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
                target.toFile().setReadOnly();
            } catch (FileAlreadyExistsException e) {
                // stored by someone else meanwhile: the same bytes
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không lưu được tệp vào kho lưu trữ", e);
        }
        return key;
    }

    @Override
    public byte[] get(String key) {
        try {
            byte[] bytes = Files.readAllBytes(path(key));
            if (!FileStorage.keyOf(bytes).equals(key)) {
                throw new IllegalStateException("Tệp " + key + " trong kho lưu trữ đã bị thay đổi (mã băm không khớp).");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp " + key + " từ kho lưu trữ", e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Khóa tệp không hợp lệ");
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
