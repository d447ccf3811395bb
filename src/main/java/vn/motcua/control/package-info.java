/**
 * Control of the procedures themselves (kiểm soát TTHC): review and simplification, compliance cost, internal
 * procedures, decentralisation review, publication timeliness, impact assessment, inspections. So far: the
 * compliance-cost arithmetic of Circular 02/2017/TT-VPCP Art. 27 in plain Java ({@code domain.ComplianceCost}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "TTHC control")
package vn.motcua.control;
