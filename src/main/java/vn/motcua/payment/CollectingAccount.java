package vn.motcua.payment;

/**
 * Where an agency's fees are collected: the beneficiary account and bank (and State Treasury), and the template and
 * series of its electronic receipts (numbers run per series and year).
 */
public record CollectingAccount(long agencyId, String accountNumber, String accountName, String bank, String treasury,
                                String receiptTemplate, String receiptSeries, long rowVersion) {
}
