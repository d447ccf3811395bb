/**
 * Organization: the agency tree (province, departments, districts where still used, communes,
 * one-stop departments) with validity periods, so that units can be merged or moved (the 2025
 * reorganisation) without losing history. Public API: {@link vn.motcua.organization.AgencyService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization (agency tree)")
package vn.motcua.organization;
