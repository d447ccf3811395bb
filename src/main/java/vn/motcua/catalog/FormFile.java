package vn.motcua.catalog;

/** A downloadable form template (mẫu đơn, tờ khai). */
public record FormFile(String filename, String contentType, byte[] content) {
}
