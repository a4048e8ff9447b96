package dev.jobsuccess.jss;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Small contract records for unit tests; the rule edges themselves live in the example files. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.parse("2025-07-01");

    private Fixtures() {
    }

    /** An ENDED contract of its own client, started on the first of its end month, paid on its end date. */
    static ContractRecord ended(String id, String endedAt, long netCents, Integer recommend) {
        LocalDate end = LocalDate.parse(endedAt);
        return new ContractRecord(id, "c-" + id, ContractStatus.ENDED, end.withDayOfMonth(1), end, netCents,
                List.of(end), recommend, null, null, null, null, null);
    }

    static ContractRecord withClient(ContractRecord c, String clientId) {
        return new ContractRecord(c.contractId(), clientId, c.status(), c.startedAt(), c.endedAt(),
                c.netEarningsCents(), c.paymentDates(), c.privateRecommend(), c.publicOverall(), c.endReasonCode(),
                c.disputeOutcome(), c.clientFlagged(), c.perkRemovedFromJss());
    }

    static ContractRecord withPublic(ContractRecord c, String overall) {
        return new ContractRecord(c.contractId(), c.clientId(), c.status(), c.startedAt(), c.endedAt(),
                c.netEarningsCents(), c.paymentDates(), c.privateRecommend(), new BigDecimal(overall),
                c.endReasonCode(), c.disputeOutcome(), c.clientFlagged(), c.perkRemovedFromJss());
    }

    static JssRequest request(ContractRecord... contracts) {
        return new JssRequest(AS_OF, null, List.of(contracts));
    }

    static JssRequest request(JssParams params, ContractRecord... contracts) {
        return new JssRequest(AS_OF, params, List.of(contracts));
    }

    static Builder contract(String id) {
        return new Builder(id);
    }

    /** A valid ENDED contract to start from; each setter changes one field. */
    static final class Builder {
        private String contractId;
        private String clientId;
        private ContractStatus status = ContractStatus.ENDED;
        private LocalDate startedAt = LocalDate.parse("2025-06-01");
        private LocalDate endedAt = LocalDate.parse("2025-06-10");
        private Long netEarningsCents = 20_000L;
        private List<LocalDate> paymentDates = List.of(LocalDate.parse("2025-06-10"));
        private Integer privateRecommend = 10;
        private BigDecimal publicOverall;
        private EndReason endReasonCode;
        private DisputeOutcome disputeOutcome;

        private Builder(String id) {
            this.contractId = id;
            this.clientId = "c-" + id;
        }

        Builder contractId(String v) { contractId = v; return this; }
        Builder clientId(String v) { clientId = v; return this; }
        Builder status(ContractStatus v) { status = v; return this; }
        Builder startedAt(String v) { startedAt = v == null ? null : LocalDate.parse(v); return this; }
        Builder endedAt(String v) { endedAt = v == null ? null : LocalDate.parse(v); return this; }
        Builder net(Long v) { netEarningsCents = v; return this; }
        Builder payments(List<LocalDate> v) { paymentDates = v; return this; }
        Builder recommend(Integer v) { privateRecommend = v; return this; }
        Builder publicOverall(String v) { publicOverall = v == null ? null : new BigDecimal(v); return this; }
        Builder reason(EndReason v) { endReasonCode = v; return this; }
        Builder dispute(DisputeOutcome v) { disputeOutcome = v; return this; }

        ContractRecord build() {
            return new ContractRecord(contractId, clientId, status, startedAt, endedAt, netEarningsCents, paymentDates,
                    privateRecommend, publicOverall, endReasonCode, disputeOutcome, null, null);
        }
    }
}
