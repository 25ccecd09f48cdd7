package io.lunora.viewer.admin;

import io.lunora.viewer.subscription.Plan;
import io.lunora.viewer.subscription.Subscription;
import io.lunora.viewer.subscription.SubscriptionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions for consumer admins: list (all or one viewer's), grant a plan without payment, end a period now. */
@RestController
@RequestMapping("/api/viewer-admin/subscriptions")
class SubscriptionsAdminController {
    private final SubscriptionService subscriptions;

    SubscriptionsAdminController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    record Grant(
            @NotNull String viewerId,
            @NotNull @Pattern(regexp = "premium|vip", message = "must be premium or vip") String plan,
            @NotNull @Min(1) @Max(366) Integer days) {
    }

    @GetMapping
    List<Subscription> list(@RequestParam(name = "viewer_id", required = false) String viewerId) {
        return subscriptions.periods(viewerId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Subscription grant(@Valid @RequestBody Grant request) {
        return subscriptions.grant(request.viewerId(), Plan.fromWireValue(request.plan()).orElseThrow(), request.days());
    }

    @DeleteMapping("/{subscriptionId}")
    Subscription cancel(@PathVariable String subscriptionId) {
        return subscriptions.cancel(subscriptionId);
    }
}
