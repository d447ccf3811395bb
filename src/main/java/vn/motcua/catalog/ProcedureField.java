package vn.motcua.catalog;

/** A field (lĩnh vực) such as Hộ tịch or Đất đai. */
public record ProcedureField(long id, String code, String name) {
}
