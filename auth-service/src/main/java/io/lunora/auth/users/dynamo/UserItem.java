package io.lunora.auth.users.dynamo;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;

/** The Users table item; only {@link DynamoUserStore} sees it. */
@DynamoDbBean
public class UserItem {
    private String userId;
    private String pool;
    private String poolUsername;
    private String poolEmail;
    private String username;
    private String email;
    private String group;
    private String organizationId;
    private Boolean enabled;
    private String passwordHash;
    private List<String> passwordHistory;
    private Instant passwordChangedAt;
    private Instant tokensNotBefore;
    private Instant lastSignInAt;
    private Boolean passwordTemporary;
    private Integer failedSignIns;
    private Instant lockedUntil;
    private Boolean mfaEnrolled;
    private Long totpLastStep;
    private List<String> backupCodeHashes;
    private Instant createdAt;
    private Long version;
    private Boolean emailVerified;
    private String verificationCodeHash;
    private Instant verificationExpiresAt;
    private Instant verificationSentAt;
    private Integer verificationAttempts;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("user_id")
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    @DynamoDbAttribute("pool")
    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = DynamoUserStore.BY_USERNAME)
    @DynamoDbAttribute("pool_username")
    public String getPoolUsername() {
        return poolUsername;
    }

    public void setPoolUsername(String poolUsername) {
        this.poolUsername = poolUsername;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = DynamoUserStore.BY_EMAIL)
    @DynamoDbAttribute("pool_email")
    public String getPoolEmail() {
        return poolEmail;
    }

    public void setPoolEmail(String poolEmail) {
        this.poolEmail = poolEmail;
    }

    @DynamoDbAttribute("username")
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    @DynamoDbAttribute("email")
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    @DynamoDbAttribute("user_group")
    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    @DynamoDbAttribute("enabled")
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    @DynamoDbAttribute("password_hash")
    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    @DynamoDbAttribute("password_history")
    public List<String> getPasswordHistory() {
        return passwordHistory;
    }

    public void setPasswordHistory(List<String> passwordHistory) {
        this.passwordHistory = passwordHistory;
    }

    @DynamoDbAttribute("password_changed_at")
    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    @DynamoDbAttribute("tokens_not_before")
    public Instant getTokensNotBefore() {
        return tokensNotBefore;
    }

    public void setTokensNotBefore(Instant tokensNotBefore) {
        this.tokensNotBefore = tokensNotBefore;
    }

    @DynamoDbAttribute("last_sign_in_at")
    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public void setLastSignInAt(Instant lastSignInAt) {
        this.lastSignInAt = lastSignInAt;
    }

    @DynamoDbAttribute("password_temporary")
    public Boolean getPasswordTemporary() {
        return passwordTemporary;
    }

    public void setPasswordTemporary(Boolean passwordTemporary) {
        this.passwordTemporary = passwordTemporary;
    }

    @DynamoDbAttribute("failed_sign_ins")
    public Integer getFailedSignIns() {
        return failedSignIns;
    }

    public void setFailedSignIns(Integer failedSignIns) {
        this.failedSignIns = failedSignIns;
    }

    @DynamoDbAttribute("locked_until")
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    @DynamoDbAttribute("mfa_enrolled")
    public Boolean getMfaEnrolled() {
        return mfaEnrolled;
    }

    public void setMfaEnrolled(Boolean mfaEnrolled) {
        this.mfaEnrolled = mfaEnrolled;
    }

    @DynamoDbAttribute("totp_last_step")
    public Long getTotpLastStep() {
        return totpLastStep;
    }

    public void setTotpLastStep(Long totpLastStep) {
        this.totpLastStep = totpLastStep;
    }

    @DynamoDbAttribute("backup_code_hashes")
    public List<String> getBackupCodeHashes() {
        return backupCodeHashes;
    }

    public void setBackupCodeHashes(List<String> backupCodeHashes) {
        this.backupCodeHashes = backupCodeHashes;
    }

    @DynamoDbAttribute("created_at")
    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbVersionAttribute
    @DynamoDbAttribute("version")
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** Absent on users stored before self-registration existed: they count as verified. */
    @DynamoDbAttribute("email_verified")
    public Boolean getEmailVerified() {
        return emailVerified;
    }

    public void setEmailVerified(Boolean emailVerified) {
        this.emailVerified = emailVerified;
    }

    @DynamoDbAttribute("verification_code_hash")
    public String getVerificationCodeHash() {
        return verificationCodeHash;
    }

    public void setVerificationCodeHash(String verificationCodeHash) {
        this.verificationCodeHash = verificationCodeHash;
    }

    @DynamoDbAttribute("verification_expires_at")
    public Instant getVerificationExpiresAt() {
        return verificationExpiresAt;
    }

    public void setVerificationExpiresAt(Instant verificationExpiresAt) {
        this.verificationExpiresAt = verificationExpiresAt;
    }

    @DynamoDbAttribute("verification_sent_at")
    public Instant getVerificationSentAt() {
        return verificationSentAt;
    }

    public void setVerificationSentAt(Instant verificationSentAt) {
        this.verificationSentAt = verificationSentAt;
    }

    @DynamoDbAttribute("verification_attempts")
    public Integer getVerificationAttempts() {
        return verificationAttempts;
    }

    public void setVerificationAttempts(Integer verificationAttempts) {
        this.verificationAttempts = verificationAttempts;
    }
}
