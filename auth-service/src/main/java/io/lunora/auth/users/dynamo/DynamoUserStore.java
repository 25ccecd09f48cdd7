package io.lunora.auth.users.dynamo;

import io.lunora.auth.users.EmailVerification;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.dynamo.TableNames;
import io.lunora.support.problem.ConcurrentChangeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Users in the {@code Users} table. Username and email are looked up through the
 * {@code pool_username} / {@code pool_email} indexes, whose keys are {@code POOL#value} in lower
 * case: the two pools are separate namespaces, as two Cognito user pools are.
 */
@Component
class DynamoUserStore implements UserStore {
    static final String BY_USERNAME = "pool_username-index";
    static final String BY_EMAIL = "pool_email-index";

    private final DynamoDbTable<UserItem> table;

    DynamoUserStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("Users"), TableSchema.fromBean(UserItem.class));
    }

    @Override
    public Optional<UserAccount> findById(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build())).map(DynamoUserStore::toUser);
    }

    @Override
    public Optional<UserAccount> findByUsername(Pool pool, String username) {
        return queryOne(BY_USERNAME, poolKey(pool, username));
    }

    @Override
    public Optional<UserAccount> findByEmail(Pool pool, String email) {
        return queryOne(BY_EMAIL, poolKey(pool, email));
    }

    @Override
    public List<UserAccount> findByOrganization(Pool pool, String organizationId) {
        Expression filter = Expression.builder()
                .expression("#pool = :pool AND organization_id = :org")
                .expressionNames(Map.of("#pool", "pool"))
                .expressionValues(Map.of(":pool", AttributeValue.fromS(pool.name()),
                        ":org", AttributeValue.fromS(organizationId)))
                .build();
        return table.scan(ScanEnhancedRequest.builder().filterExpression(filter).build()).items().stream()
                .map(DynamoUserStore::toUser).toList();
    }

    @Override
    public boolean anyInGroup(Group group) {
        Expression filter = Expression.builder().expression("user_group = :g")
                .expressionValues(Map.of(":g", AttributeValue.fromS(group.claimValue()))).build();
        return table.scan(ScanEnhancedRequest.builder().filterExpression(filter).build()).items().stream()
                .findAny().isPresent();
    }

    @Override
    public void delete(String id) {
        table.deleteItem(Key.builder().partitionValue(id).build());
    }

    @Override
    public UserAccount save(UserAccount user) {
        UserItem item = toItem(user);
        try {
            table.putItem(item); // the version extension makes this conditional
        } catch (ConditionalCheckFailedException raced) {
            throw new ConcurrentChangeException();
        }
        return toUser(item);
    }

    static String poolKey(Pool pool, String value) {
        return pool.name() + "#" + value.trim().toLowerCase(Locale.ROOT);
    }

    private Optional<UserAccount> queryOne(String index, String key) {
        return table.index(index).query(QueryConditional.keyEqualTo(Key.builder().partitionValue(key).build()))
                .stream().flatMap(page -> page.items().stream()).findFirst().map(DynamoUserStore::toUser);
    }

    private static UserItem toItem(UserAccount u) {
        UserItem i = new UserItem();
        i.setUserId(u.id());
        i.setPool(u.pool().name());
        i.setPoolUsername(poolKey(u.pool(), u.username()));
        i.setPoolEmail(poolKey(u.pool(), u.email()));
        i.setUsername(u.username());
        i.setEmail(u.email());
        i.setGroup(u.group().claimValue());
        i.setOrganizationId(u.organizationId());
        i.setEnabled(u.enabled());
        i.setPasswordHash(u.passwordHash());
        i.setPasswordHistory(u.passwordHistory());
        i.setPasswordChangedAt(u.passwordChangedAt());
        i.setTokensNotBefore(u.tokensNotBefore());
        i.setLastSignInAt(u.lastSignInAt());
        i.setPasswordTemporary(u.passwordTemporary());
        i.setFailedSignIns(u.failedSignIns());
        i.setLockedUntil(u.lockedUntil());
        i.setMfaEnrolled(u.mfaEnrolled());
        i.setTotpLastStep(u.totpLastStep());
        i.setBackupCodeHashes(u.backupCodeHashes());
        i.setCreatedAt(u.createdAt());
        i.setVersion(u.version());
        i.setEmailVerified(u.emailVerified());
        if (u.verification() != null) {
            i.setVerificationCodeHash(u.verification().codeHash());
            i.setVerificationExpiresAt(u.verification().expiresAt());
            i.setVerificationSentAt(u.verification().sentAt());
            i.setVerificationAttempts(u.verification().failedAttempts());
        }
        return i;
    }

    private static UserAccount toUser(UserItem i) {
        return new UserAccount(i.getUserId(), Pool.valueOf(i.getPool()), i.getUsername(), i.getEmail(),
                Group.fromClaimValue(i.getGroup()).orElseThrow(), i.getOrganizationId(),
                Boolean.TRUE.equals(i.getEnabled()), i.getPasswordHash(), i.getPasswordHistory(),
                i.getPasswordChangedAt(), Boolean.TRUE.equals(i.getPasswordTemporary()),
                i.getFailedSignIns() == null ? 0 : i.getFailedSignIns(), i.getLockedUntil(),
                Boolean.TRUE.equals(i.getMfaEnrolled()), i.getTotpLastStep() == null ? 0 : i.getTotpLastStep(),
                i.getBackupCodeHashes(), i.getCreatedAt(), i.getVersion(), verification(i), i.getTokensNotBefore(),
                i.getLastSignInAt());
    }

    private static EmailVerification verification(UserItem i) {
        if (!Boolean.FALSE.equals(i.getEmailVerified())) {
            return null;
        }
        return new EmailVerification(i.getVerificationCodeHash(), i.getVerificationExpiresAt(),
                i.getVerificationSentAt(), i.getVerificationAttempts() == null ? 0 : i.getVerificationAttempts());
    }
}
