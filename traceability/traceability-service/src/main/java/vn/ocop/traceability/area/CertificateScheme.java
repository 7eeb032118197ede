package vn.ocop.traceability.area;

/** Good agricultural practice schemes a growing area can be certified under. */
public enum CertificateScheme {
    VIETGAP,
    GLOBALGAP
}
