package vn.motcua.catalog;

/** A form template uploaded for the component at {@code position}. */
public record UploadedForm(int position, String filename, String contentType, byte[] content) {
}
