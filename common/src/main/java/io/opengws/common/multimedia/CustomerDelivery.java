package io.opengws.common.multimedia;

import java.util.List;

import io.opengws.common.interaction.Interaction;
import io.opengws.common.interaction.VisibilityPolicy.SeenEntry;

/**
 * How a channel hands the customer what it may now read: the Customer Chat API's customer polls (nothing to do);
 * an SMS session's phone is sent each entry. A service that pushes to its customers provides one bean.
 */
public interface CustomerDelivery {

    void deliver(Interaction interaction, String customerKey, List<SeenEntry> entries);
}
