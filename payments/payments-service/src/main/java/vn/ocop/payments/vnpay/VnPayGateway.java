package vn.ocop.payments.vnpay;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.PaymentSessionOpened.Kind;
import vn.ocop.payments.api.PaymentSessionOpened.PaymentAction;
import vn.ocop.payments.session.NewSession;
import vn.ocop.payments.session.PaymentGateway;
import vn.ocop.platform.text.SearchKeys;

/** Builds the signed VNPay 2.1.0 pay URL the buyer is redirected to; no call to VNPay is needed to open a session. */
@Singleton
class VnPayGateway implements PaymentGateway {

    static final String VERSION = "2.1.0";
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final VnPayConfiguration config;
    private final VnPaySigner signer;

    VnPayGateway(VnPayConfiguration config, VnPaySigner signer) {
        this.config = config;
        this.signer = signer;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.VNPAY;
    }

    @Override
    public PaymentAction actionFor(NewSession session) {
        Map<String, String> params = new HashMap<>();
        params.put("vnp_Version", VERSION);
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", config.tmnCode());
        params.put("vnp_Amount", Long.toString(Math.multiplyExact(session.amountVnd(), 100L)));
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", session.txnRef());
        params.put("vnp_OrderInfo", SearchKeys.toAscii("Thanh toan don hang " + session.checkoutNumber()));
        params.put("vnp_OrderType", "other");
        params.put("vnp_Locale", "vn");
        params.put("vnp_ReturnUrl", config.returnUrl());
        params.put("vnp_IpAddr", ipAddress(session.buyerIp()));
        params.put("vnp_CreateDate", VnPayDates.format(session.createdAt()));
        params.put("vnp_ExpireDate", VnPayDates.format(session.expiresAt()));
        return new PaymentAction(Kind.REDIRECT, config.payUrl() + "?" + signer.signedQuery(params), null);
    }

    private String ipAddress(String buyerIp) {
        return buyerIp != null && IP_ADDRESS.matcher(buyerIp).matches() ? buyerIp : config.fallbackIp();
    }
}
