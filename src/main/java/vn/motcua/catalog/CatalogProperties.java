package vn.motcua.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provincial settings of the catalog.
 *
 * @param onlineCutPercent how much shorter than the legal time limit the online time limit must be
 *                         (the province requires 20%; 0 turns the check off)
 * @param publicBaseUrl    the address citizens reach the portal at, used in QR codes (empty = taken from the request)
 */
@ConfigurationProperties("motcua.catalog")
public record CatalogProperties(Integer onlineCutPercent, String publicBaseUrl) {
    public CatalogProperties {
        onlineCutPercent = onlineCutPercent == null ? 20 : onlineCutPercent;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }
}
