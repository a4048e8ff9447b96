package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.as;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.offerFixed;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.problem;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** GET /contracts: a party's own contracts (PLATFORM: anyone's), filtered, sorted and paged by keyset cursors. */
@QuarkusTest
class ContractListingTest {

    /** Every page of a listing, following nextCursor; each page checked against the limit. */
    private static List<Map<String, Object>> all(Supplier<RequestSpecification> who, String query, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String url = "/contracts?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            JsonPath page = who.get().get(url).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> contracts = page.getList("contracts");
            assertTrue(contracts.size() <= limit);
            out.addAll(contracts);
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return out;
            }
        }
        throw new AssertionError("more than 1000 pages");
    }

    private static List<String> ids(List<Map<String, Object>> contracts) {
        return contracts.stream().map(c -> (String) c.get("contractId")).toList();
    }

    @Test
    void eachPartyListsTheirOwnContractsFilteredAndPaged() {
        String c = user("c");
        String c2 = user("c");
        String f1 = user("f");
        String f2 = user("f");
        List<String> withF1 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            withF1.add(offerFixed(c, f1, 50_000));
        }
        String ended = activeFixed(c, f2, 50_000);
        end(client(c), ended, "{\"endReasonCode\":\"FREELANCER_LACKED_SKILLS\"}").then().statusCode(200);
        String endedByFreelancer = activeFixed(c, f2, 50_000);
        end(freelancer(f2), endedByFreelancer, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}").then().statusCode(200);
        String active = activeFixed(c, f2, 50_000);
        List<String> otherClient = List.of(offerFixed(c2, f1, 50_000), offerFixed(c2, f1, 50_000));

        // The client's seven, newest first, three a page.
        List<Map<String, Object>> mine = all(() -> client(c), "", 3);
        assertEquals(7, mine.size());
        assertEquals(7, new HashSet<>(ids(mine)).size(), "no contract twice");
        for (int i = 1; i < mine.size(); i++) {
            assertTrue(!Instant.parse((String) mine.get(i).get("createdAt")).isAfter(Instant.parse((String) mine.get(i - 1).get("createdAt"))));
        }
        assertEquals(Set.copyOf(ids(mine)), union(withF1, List.of(ended, endedByFreelancer, active)));
        // Oldest first.
        List<Map<String, Object>> oldest = all(() -> client(c), "sort=CREATED_ASC", 2);
        assertEquals(ids(mine).reversed(), ids(oldest));

        // The freelancer's: four from c, two from c2; with c only: four.
        assertEquals(union(withF1, otherClient), Set.copyOf(ids(all(() -> freelancer(f1), "", 50))));
        assertEquals(Set.copyOf(withF1), Set.copyOf(ids(all(() -> freelancer(f1), "counterparty=" + c, 2))));
        // Filters: status (repeatable), type, ended between, role.
        assertEquals(Set.of(ended, endedByFreelancer), Set.copyOf(ids(all(() -> client(c), "status=ENDED", 50))));
        assertEquals(Set.of(ended, endedByFreelancer, active),
                Set.copyOf(ids(all(() -> client(c), "status=ENDED&status=ACTIVE", 50))));
        assertEquals(7, all(() -> client(c), "type=FIXED_PRICE", 50).size());
        assertEquals(0, all(() -> client(c), "type=HOURLY", 50).size());
        assertEquals(2, all(() -> client(c), "endedFrom=2000-01-01T00:00:00Z&endedBefore=2199-01-01T00:00:00Z", 50).size());
        assertEquals(0, all(() -> client(c), "endedBefore=2000-01-01T00:00:00Z", 50).size());
        assertEquals(0, all(() -> as(c, "CLIENT"), "role=CLIENT&counterparty=" + f1 + "&status=ENDED", 50).size());
        // By end: ended contracts only, latest first.
        assertEquals(List.of(endedByFreelancer, ended), ids(all(() -> client(c), "sort=ENDED_DESC", 1)));

        // The end reason is the ender's private feedback, in a list as in GET /contracts/{id}.
        Map<String, Object> seenByF2 = all(() -> freelancer(f2), "sort=ENDED_ASC", 50).getFirst();
        assertEquals(ended, seenByF2.get("contractId"));
        assertEquals("CLIENT", seenByF2.get("endedBy"));
        assertNull(seenByF2.get("endReasonCode"));
        assertEquals("FREELANCER_LACKED_SKILLS", all(() -> client(c), "sort=ENDED_ASC", 50).getFirst().get("endReasonCode"));

        // A stranger has none; PLATFORM filters by any party.
        assertEquals(0, all(() -> client(user("c")), "", 50).size());
        assertEquals(6, all(Api::platform, "freelancerId=" + f1, 4).size());
        assertEquals(Set.of(ended, endedByFreelancer, active),
                Set.copyOf(ids(all(Api::platform, "clientId=" + c + "&freelancerId=" + f2, 50))));
        assertEquals("FREELANCER_LACKED_SKILLS", all(Api::platform, "clientId=" + c + "&sort=ENDED_ASC", 50).getFirst()
                .get("endReasonCode"));
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void aBadListingGetsAProblemNamingTheField() {
        String c = user("c");
        offerFixed(c, user("f"), 50_000);
        offerFixed(c, user("f"), 50_000);
        String cursor = client(c).get("/contracts?limit=1").then().statusCode(200).extract().path("nextCursor");
        for (String query : List.of("limit=0", "limit=101", "limit=x", "status=BOGUS", "type=FIXED", "sort=SIDEWAYS",
                "cursor=garbage", "cursor=" + cursor + "&sort=CREATED_ASC", "endedFrom=yesterday", "role=SYSTEM",
                "endedFrom=2025-02-01T00:00:00Z&endedBefore=2025-01-01T00:00:00Z", "counterparty=" + "x".repeat(201))) {
            String field = query.substring(0, query.indexOf('=')).replace("endedFrom", query.contains("endedBefore") ? "endedBefore" : "endedFrom");
            if (query.startsWith("cursor=" + cursor)) {
                field = "cursor";
            }
            client(c).get("/contracts?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
        problem(client(c).get("/contracts?clientId=" + user("c")), 403, "NOT_YOUR_CONTRACTS");
        problem(client(c).get("/contracts?role=FREELANCER"), 403, "ROLE_NOT_HELD");
        platform().get("/contracts?role=CLIENT").then().statusCode(400).body("errors[0].field", equalTo("role"));
        // With a valid cursor, the second page.
        client(c).get("/contracts?limit=1&cursor=" + cursor).then().statusCode(200).body("contracts.size()", equalTo(1))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aClientAndAFreelancerEachPageThroughAThousandContracts() {
        String c = user("c");
        String f = user("f");
        String otherFreelancer = user("f");
        for (int i = 0; i < 1000; i++) {
            offerFixed(c, i % 2 == 0 ? f : otherFreelancer, 50_000);
        }
        for (int i = 0; i < 500; i++) {
            offerFixed(user("c"), f, 50_000);
        }
        List<String> clients = ids(all(() -> client(c), "", 100));
        assertEquals(1000, clients.size());
        assertEquals(1000, new HashSet<>(clients).size());
        List<String> freelancers = ids(all(() -> freelancer(f), "", 50));
        assertEquals(1000, freelancers.size());
        assertEquals(1000, new HashSet<>(freelancers).size());
    }
}
