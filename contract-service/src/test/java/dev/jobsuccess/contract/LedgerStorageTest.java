package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.jobsuccess.contract.contract.Contract;

/** The database itself keeps the ledger append-only and a contract's escrow from going below zero. */
@QuarkusTest
class LedgerStorageTest {

    private static int sql(String statement, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Contract.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    @Test
    void ledgerEntriesCannotBeUpdatedOrDeleted() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50000);
        fund(c, id, milestones(c, id).getFirst());
        UUID contract = UUID.fromString(id);
        Exception update = assertThrows(Exception.class, () -> sql("UPDATE ledger_entry SET amount_cents = 1 WHERE contract_id = ?1", contract));
        assertTrue(rootMessage(update).contains("append-only"), rootMessage(update));
        Exception delete = assertThrows(Exception.class, () -> sql("DELETE FROM ledger_entry WHERE contract_id = ?1", contract));
        assertTrue(rootMessage(delete).contains("append-only"), rootMessage(delete));
        assertEquals(1, Api.ledger(c, id).size());
    }

    @Test
    void escrowCannotGoBelowZeroEvenByHand() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50000);
        fund(c, id, milestones(c, id).getFirst());
        UUID contract = UUID.fromString(id);
        Exception overdraw = assertThrows(Exception.class, () -> sql("""
                INSERT INTO ledger_entry (contract_id, entry_no, entry_type, debit_account, credit_account, amount_cents,
                                          effective_at, created_at, idempotency_key)
                VALUES (?1, 99, 'ESCROW_REFUND', 'escrow:' || ?2, 'client:x:funding', 50001, now(), now(), ?3)""",
                contract, id, "by-hand:" + UUID.randomUUID()));
        assertTrue(rootMessage(overdraw).contains("escrow"), rootMessage(overdraw));
        assertEquals(50000, Api.balance(c, id).getLong("escrowCents"));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            all.append(x.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
