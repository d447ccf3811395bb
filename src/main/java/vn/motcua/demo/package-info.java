/**
 * Demo data: a province after the 2025 reorganisation, users of every role, a catalog of real-looking
 * procedures with decisions, amendments, an abolition and a replacement, and dossiers in every state. Loaded on first start when
 * {@code motcua.demo-data.enabled=true}. Uses only the public APIs of the other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.motcua.demo;
