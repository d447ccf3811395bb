package vn.motcua.control.domain;

/** A value shown with a Vietnamese label and an English one. */
public interface Labelled {
    String label();

    String labelEn();
}
