package vn.ocop.catalog.seller;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Records, in the caller's transaction, every change made to a seller's data and who made it for whom. */
@Singleton
public class ActivityLog {

    private final SellerActivityRepository activities;
    private final Clock clock;

    ActivityLog(SellerActivityRepository activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /**
     * @param action    what happened, e.g. {@code PRODUCT_PUBLISHED}
     * @param subjectId the product, certificate or delegation concerned, if any
     * @param summary   a human-readable line, e.g. "Gạo ST25 5 kg: giá 220.000 → 210.000"
     */
    public void record(Acting acting, String action, @Nullable UUID subjectId, String summary) {
        activities.save(new SellerActivity(null, acting.sellerId(), acting.actorId(), acting.role(), action, subjectId,
                summary.length() > 500 ? summary.substring(0, 500) : summary, clock.instant()));
    }
}
