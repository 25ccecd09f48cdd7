package io.lunora.viewer.account;

import java.util.List;
import java.util.Map;

/** What {@code DELETE /api/viewers/account} removed (counts), and what it kept and why. */
public record DeletionReceipt(String deletedAt, Map<String, Integer> deleted, List<Kept> kept, String signInAccount) {

    public record Kept(String what, int count, String why) {
    }
}
