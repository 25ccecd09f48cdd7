package io.lunora.viewer.profile.dynamo;

import static io.lunora.viewer.dynamo.Attrs.bool;
import static io.lunora.viewer.dynamo.Attrs.flag;
import static io.lunora.viewer.dynamo.Attrs.list;
import static io.lunora.viewer.dynamo.Attrs.map;
import static io.lunora.viewer.dynamo.Attrs.nested;
import static io.lunora.viewer.dynamo.Attrs.putIfPresent;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.set;
import static io.lunora.viewer.dynamo.Attrs.str;
import static io.lunora.viewer.dynamo.Attrs.strings;
import static io.lunora.viewer.dynamo.Attrs.stringSet;

import io.lunora.viewer.dynamo.ViewerTables;
import io.lunora.viewer.profile.LibrarySet;
import io.lunora.viewer.profile.ParentalControls;
import io.lunora.viewer.profile.Preferences;
import io.lunora.viewer.profile.ProfileStore;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.subscription.ProfilePlans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link ProfileStore} and the profile's copy of the plan ({@link ProfilePlans}) on DynamoDB (ViewerProfiles). */
@Component
class DynamoProfileStore implements ProfileStore, ProfilePlans {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoProfileStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.profiles();
    }

    @Override
    public Optional<ViewerProfile> find(String viewerId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(viewerId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Creates the profile unless it exists; two first requests at once create it once. */
    @Override
    public void createIfMissing(String viewerId, String username, String now) {
        Map<String, AttributeValue> item = new HashMap<>(key(viewerId));
        putIfPresent(item, "username", username);
        putIfPresent(item, "display_name", username);
        item.put("region", s("unknown"));
        item.put("viewing_preferences", preferences(Preferences.defaults()));
        item.put("parental_controls", parental(ParentalControls.off()));
        item.put("created_at", s(now));
        item.put("last_login", s(now));
        item.put("subscription_type", s("free"));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(viewer_id)").build());
        } catch (ConditionalCheckFailedException exists) {
            // created by a concurrent first request: fine
        }
    }

    @Override
    public void touchLogin(String viewerId, String now) {
        update(viewerId, "SET last_login = :now", Map.of(":now", s(now)));
    }

    @Override
    public void updateSettings(String viewerId, String displayName, String region, Preferences preferences,
            ParentalControls parental) {
        update(viewerId, "SET display_name = :d, #region = :r, viewing_preferences = :p, parental_controls = :c",
                Map.of(":d", s(displayName), ":r", s(region), ":p", preferences(preferences), ":c", parental(parental)),
                Map.of("#region", "region"));
    }

    @Override
    public boolean hasProfile(String viewerId) {
        return find(viewerId).isPresent();
    }

    @Override
    public void setPlan(String viewerId, String type, String expires) {
        if (expires == null) {
            update(viewerId, "SET subscription_type = :t REMOVE subscription_expires", Map.of(":t", s(type)));
        } else {
            update(viewerId, "SET subscription_type = :t, subscription_expires = :e", Map.of(":t", s(type), ":e", s(expires)));
        }
    }

    @Override
    public void setDisabled(String viewerId, boolean disabled) {
        update(viewerId, "SET disabled = :d", Map.of(":d", bool(disabled)));
    }

    @Override
    public boolean isDisabled(String viewerId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(viewerId)).projectionExpression("disabled").build()).item();
        return item != null && flag(item, "disabled");
    }

    /** Adds {@code value} to a library set; false when it was there already (nothing changed). */
    @Override
    public boolean addMember(String viewerId, LibrarySet set, String value) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(viewerId))
                    .updateExpression("ADD #set :v")
                    .conditionExpression("attribute_exists(viewer_id) AND NOT contains(#set, :s)")
                    .expressionAttributeNames(Map.of("#set", set.attribute()))
                    .expressionAttributeValues(Map.of(":v", stringSet(List.of(value)), ":s", s(value))).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    /** Removes {@code value} from a library set; false when it was not there. */
    @Override
    public boolean removeMember(String viewerId, LibrarySet set, String value) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(viewerId))
                    .updateExpression("DELETE #set :v")
                    .conditionExpression("contains(#set, :s)")
                    .expressionAttributeNames(Map.of("#set", set.attribute()))
                    .expressionAttributeValues(Map.of(":v", stringSet(List.of(value)), ":s", s(value))).build());
            return true;
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
    }

    /** Every profile; the viewer base of one deployment is read whole for admin search and totals. */
    @Override
    public List<ViewerProfile> all() {
        List<ViewerProfile> profiles = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(item -> profiles.add(fromItem(item)));
        return profiles;
    }

    @Override
    public void delete(String viewerId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(viewerId)));
    }

    private void update(String viewerId, String expression, Map<String, AttributeValue> values) {
        update(viewerId, expression, values, Map.of());
    }

    private void update(String viewerId, String expression, Map<String, AttributeValue> values, Map<String, String> names) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(key(viewerId))
                .updateExpression(expression).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        dynamo.updateItem(request.build());
    }

    private static Map<String, AttributeValue> key(String viewerId) {
        return Map.of("viewer_id", s(viewerId));
    }

    private static AttributeValue preferences(Preferences p) {
        return map(Map.of("default_quality", s(p.defaultQuality()), "language", s(p.language()),
                "autoplay", bool(p.autoplay()), "notifications", bool(p.notifications()),
                "profile_visibility", s(p.profileVisibility()), "save_history", bool(p.saveHistory())));
    }

    private static AttributeValue parental(ParentalControls c) {
        return map(Map.of("enabled", bool(c.enabled()), "blocked_categories", list(c.blockedCategories()),
                "hide_mature", bool(c.hideMature())));
    }

    private static ViewerProfile fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> p = nested(item, "viewing_preferences");
        Map<String, AttributeValue> c = nested(item, "parental_controls");
        Preferences preferences = p.isEmpty() ? Preferences.defaults() : new Preferences(str(p, "default_quality"),
                str(p, "language"), flag(p, "autoplay"), flag(p, "notifications"), str(p, "profile_visibility"),
                flag(p, "save_history"));
        ParentalControls parental = c.isEmpty() ? ParentalControls.off()
                : new ParentalControls(flag(c, "enabled"), strings(c, "blocked_categories"), flag(c, "hide_mature"));
        return new ViewerProfile(str(item, "viewer_id"), str(item, "username"), str(item, "email"),
                str(item, "display_name"), str(item, "region"), preferences, parental, str(item, "created_at"),
                str(item, "last_login"), str(item, "subscription_type"), str(item, "subscription_expires"),
                flag(item, "disabled"), set(item, "saved_streams"), set(item, "liked_streams"),
                set(item, "followed_creators"), set(item, "blocked_viewers"));
    }
}
