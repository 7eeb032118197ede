package vn.ocop.payments.payout;

import jakarta.inject.Singleton;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.SellerPayoutAccountChanged;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.event.EventEnvelope;
import vn.ocop.platform.event.EventHandler;

/** Keeps each seller's latest payout account from catalog; a snapshot older than the one held changes nothing. */
@Singleton
class PayoutAccountHandler implements EventHandler<SellerPayoutAccountChanged> {

    private final Sql sql;

    PayoutAccountHandler(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String stream() {
        return CatalogEvents.STREAM;
    }

    @Override
    public String type() {
        return SellerPayoutAccountChanged.TYPE;
    }

    @Override
    public Class<SellerPayoutAccountChanged> payloadType() {
        return SellerPayoutAccountChanged.class;
    }

    @Override
    public void handle(SellerPayoutAccountChanged event, EventEnvelope envelope) {
        // assignments run left to right: revision changes last, so every IF compares with the revision held before
        sql.update("INSERT INTO seller_payout_accounts (seller_id, method, institution, account, holder, revision, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "method = IF(VALUES(revision) > revision, VALUES(method), method), "
                        + "institution = IF(VALUES(revision) > revision, VALUES(institution), institution), "
                        + "account = IF(VALUES(revision) > revision, VALUES(account), account), "
                        + "holder = IF(VALUES(revision) > revision, VALUES(holder), holder), "
                        + "changed_at = IF(VALUES(revision) > revision, VALUES(changed_at), changed_at), "
                        + "revision = GREATEST(revision, VALUES(revision))",
                event.sellerId(), event.method(), event.institution(), event.account(), event.holder(), event.revision(),
                event.changedAt());
    }
}
