package io.lunora.viewer.profile;

import java.util.List;
import java.util.Optional;

/** Where viewer profiles are kept (ViewerProfiles): one per viewer, keyed by the token's {@code sub}. */
public interface ProfileStore {

    Optional<ViewerProfile> find(String viewerId);

    /** Creates the profile with defaults unless it exists; two first requests at once create it once. */
    void createIfMissing(String viewerId, String username, String now);

    void touchLogin(String viewerId, String now);

    void updateSettings(String viewerId, String displayName, String region, Preferences preferences,
            ParentalControls parental);

    void setDisabled(String viewerId, boolean disabled);

    boolean isDisabled(String viewerId);

    /** Adds {@code value} to a library set; false when it was there already (nothing changed). */
    boolean addMember(String viewerId, LibrarySet set, String value);

    /** Removes {@code value} from a library set; false when it was not there. */
    boolean removeMember(String viewerId, LibrarySet set, String value);

    /** Every profile; the viewer base of one deployment is read whole for admin search and totals. */
    List<ViewerProfile> all();

    void delete(String viewerId);
}
