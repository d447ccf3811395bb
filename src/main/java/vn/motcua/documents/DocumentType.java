package vn.motcua.documents;

/**
 * A kind of document (Giấy khai sinh, Giấy chứng nhận quyền sử dụng đất …).
 *
 * @param validityMonths how long a document of this kind stays valid after its issue date when it carries no expiry
 *                       date of its own (null: no limit, e.g. a birth certificate)
 */
public record DocumentType(String code, String name, Integer validityMonths, String description, long rowVersion) {
}
