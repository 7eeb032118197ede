package vn.ocop.catalog.report

import spock.lang.Specification

/** Which open-data cells are withheld: small ones, and whatever would let a small one be subtracted from the total. */
class OpenDataProtectionSpec extends Specification {

    def "cells of #sizes sellers: withheld #withheld, total withheld #totalWithheld"() {
        given: 'cells of distinct sellers, and their total'
        int next = 0
        List<OpenData.Cell> cells = sizes.collect { n -> cell((1..n).collect { "s${next++}".toString() }) }
        OpenData.Cell total = cell(cells.collectMany { it.sellers })

        when:
        OpenData.protect(total, cells)

        then:
        cells*.withheld == withheld
        total.withheld == totalWithheld

        where:
        sizes        || withheld                          | totalWithheld
        [3, 4, 5]    || [false, false, false]             | false
        [1, 4, 5]    || [true, true, false]               | false   // 1 alone could be subtracted: the 4 goes with it
        [1, 1, 5]    || [true, true, true]                | false   // 2 withheld together are still too few
        [2, 3, 3, 6] || [true, true, false, false]        | false
        [1, 1]       || [true, true]                      | true    // 2 sellers in all: nothing shown
        [1, 2]       || [true, true]                      | false   // 3 together: the total shows, no cell
        [5]          || [false]                           | false
    }

    def "a seller in several cells (several payment methods) is counted once when the withheld cells are added up"() {
        given: 'VNPay and cash by the same two sellers, card by eight others'
        def vnpay = cell(['a', 'b'])
        def cash = cell(['a', 'b'])
        def card = cell((1..8).collect { "c$it".toString() })
        def total = cell(['a', 'b'] + card.sellers)

        when:
        OpenData.protect(total, [vnpay, cash, card])

        then: 'the two small cells hold only two sellers together, so the card cell is withheld as well'
        vnpay.withheld && cash.withheld && card.withheld
        !total.withheld
    }

    static OpenData.Cell cell(Collection<String> sellers) {
        def cell = new OpenData.Cell()
        cell.sellers.addAll(sellers)
        cell
    }
}
