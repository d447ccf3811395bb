/**
 * Shared kernel: Vietnamese text handling, error types, QR codes and the web error handling
 * every module relies on. Open to all modules; depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, displayName = "Shared kernel")
package vn.motcua.shared;
