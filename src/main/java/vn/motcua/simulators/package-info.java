/**
 * Simulators of the national systems MotCua talks to, speaking their contracts over HTTP on this application's own
 * port (and SMTP on a port of their own): the national payment platform (create, pay page, signed callbacks, query,
 * refund), an SMS brandname gateway, Zalo's notification service (ZNS) and a mail server, each with an inbox page
 * under {@code /gia-lap} and knobs to be slow, fail, time out or answer twice. Started by the demo and the tests
 * ({@code motcua.simulators.enabled=true}, the default); production sets it to false and points the adapters at
 * the real systems. Nothing in production code depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulators of the national systems")
package vn.motcua.simulators;
