package vn.ocop.platform.text

import spock.lang.Specification

class SearchKeysSpec extends Specification {

    def "'#text' folds to '#key'"() {
        expect:
        SearchKeys.fold(text) == key

        where:
        text                                  || key
        'Gạo ST25'                            || 'gao st25'
        'gao st25'                            || 'gao st25'
        'GẠO ST25 – Sóc Trăng'                || 'gao st25 soc trang'
        'Đặc sản Đồng Tháp'                   || 'dac san dong thap'
        'nước mắm Phú Quốc'                   || 'nuoc mam phu quoc'
        'Mật ong hoa nhãn, 500ml'             || 'mat ong hoa nhan 500ml'
        'Tôm khô   Cà Mau'                    || 'tom kho ca mau'
        'Bánh pía Vĩnh Châu 🥮'               || 'banh pia vinh chau'
        'Ươ ư ơ Ă Â Ê Ô'                      || 'uo u o a a e o'
        ''                                    || ''
        null                                  || ''
    }

    def "decomposed and precomposed input fold alike"() {
        expect:
        SearchKeys.fold('Gạo') == SearchKeys.fold(java.text.Normalizer.normalize('Gạo', java.text.Normalizer.Form.NFD))
    }

    def "'#text' becomes the ASCII '#ascii'"() {
        expect:
        SearchKeys.toAscii(text) == ascii

        where:
        text                               || ascii
        'Thanh toán đơn hàng ST25-001'     || 'Thanh toan don hang ST25-001'
        'Đồng Tháp'                        || 'Dong Thap'
        'Gạo 🌾 ngon'                      || 'Gao  ngon'
    }
}
