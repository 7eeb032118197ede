package vn.ocop.traceability.lot;

import vn.ocop.platform.problem.ProblemException;

/** Problems about lots that more than one feature reports. */
public final class LotProblems {

    private LotProblems() {
    }

    public static ProblemException notFound(String code) {
        return ProblemException.notFound("lot_not_found", "No lot {0}", code);
    }

    public static ProblemException notYours(String code) {
        return ProblemException.forbidden("lot_not_yours", "Lot {0} is another seller''s", code);
    }
}
