package dev.jobsuccess.contract.ledger;

import dev.jobsuccess.contract.contract.Contract;

/** The ledger's account names, domain.md §d.1.4. */
public final class Accounts {

    public static final String PLATFORM_FEES = "platform:fees";
    /** Where the parties' arbitration fees go (the arbitrator's side of an escrow dispute). */
    public static final String PLATFORM_ARBITRATION = "platform:arbitration";

    private Accounts() {
    }

    public static String clientFunding(Contract c) {
        return "client:" + c.clientId + ":funding";
    }

    public static String escrow(Contract c) {
        return "escrow:" + c.id;
    }

    /**
     * The freelancer's own payment method, outside the ledger's held money: it pays the freelancer's arbitration fee, as
     * client:&lt;id&gt;:funding pays what the client pays. Not in §d.1.4's list, which has no payment by a freelancer.
     */
    public static String freelancerFunding(Contract c) {
        return "fl:" + c.freelancerId + ":funding";
    }

    public static String inReview(Contract c) {
        return "fl:" + c.freelancerId + ":in_review";
    }

    public static String pending(Contract c) {
        return "fl:" + c.freelancerId + ":pending";
    }

    public static String available(Contract c) {
        return "fl:" + c.freelancerId + ":available";
    }
}
