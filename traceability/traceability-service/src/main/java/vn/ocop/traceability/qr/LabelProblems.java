package vn.ocop.traceability.qr;

import vn.ocop.platform.problem.ProblemException;

/** Problems about QR codes and labels. */
final class LabelProblems {

    private LabelProblems() {
    }

    static ProblemException serialNotFound(String code, String serial) {
        return ProblemException.notFound("serial_not_found", "Lot {0} has no serial {1}", code, serial);
    }
}
