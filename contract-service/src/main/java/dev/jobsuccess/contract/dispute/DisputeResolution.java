package dev.jobsuccess.contract.dispute;

/** How an escrow dispute ended (PUB S37, S38). */
public enum DisputeResolution {
    CLIENT_ACCEPTED, CLIENT_SILENT, MEDIATED,
    ARBITRATION_FREELANCER_ONLY_PAID, ARBITRATION_CLIENT_ONLY_PAID, ARBITRATION_NEITHER_PAID, ARBITRATION_AWARD
}
