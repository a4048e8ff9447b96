package dev.jobsuccess.feedback.feedback;

import java.util.EnumSet;
import java.util.Set;

import dev.jobsuccess.feedback.party.Party;

/** Why a contract ended (domain.md §d.1.1), with who may choose each reason; feedback names the author's reason. */
public enum EndReason {
    JOB_COMPLETED_SUCCESSFULLY(Party.CLIENT, Party.FREELANCER),
    JOB_COMPLETED_UNSUCCESSFULLY(Party.CLIENT),
    FREELANCER_UNRESPONSIVE(Party.CLIENT),
    FREELANCER_LACKED_SKILLS(Party.CLIENT),
    NO_LONGER_NEEDED(Party.CLIENT),
    HIRED_SOMEONE_ELSE(Party.CLIENT),
    CLIENT_NOT_RESPONSIVE(Party.FREELANCER),
    OTHER(Party.CLIENT, Party.FREELANCER),
    DORMANT_AUTO_CLOSED(Party.SYSTEM),
    CLIENT_SUSPENDED(Party.SYSTEM),
    FREELANCER_SUSPENDED(Party.SYSTEM);

    private final Set<Party> choosers;

    EndReason(Party first, Party... rest) {
        this.choosers = EnumSet.of(first, rest);
    }

    public boolean mayBeChosenBy(Party party) {
        return choosers.contains(party);
    }
}
