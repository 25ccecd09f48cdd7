package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The group of a consumer-pool account, which only an admin changes (see {@link ConsumerGroupController}). */
@Service
class ConsumerGroups {
    private static final Logger log = LoggerFactory.getLogger(ConsumerGroups.class);

    private final UserStore users;
    private final Clock clock;

    ConsumerGroups(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    UserView change(Caller caller, String username, Group group) {
        UserAccount user = users.findByUsername(Pool.CONSUMER, username)
                .orElseThrow(() -> new NotFoundException("viewer", username));
        UserAccount saved = user.group() == group ? user : users.save(user.withGroup(group));
        log.info("Consumer {} set to group {} by admin {}", saved.id(), group.claimValue(), caller.userId());
        return UserView.of(saved, clock.instant());
    }
}
