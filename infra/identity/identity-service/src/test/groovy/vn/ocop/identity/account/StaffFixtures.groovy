package vn.ocop.identity.account

import io.micronaut.context.ApplicationContext

/** For specs outside this package: the configured first administrator, created again after a reset removed it. */
class StaffFixtures {

    static void createBootstrapAdmin(ApplicationContext context) {
        context.getBean(BootstrapAdmin).createIfMissing()
    }
}
