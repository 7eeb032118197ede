package vn.ocop.platform.browser

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/** Where the harness finds Chromium and chromedriver, and how it fails (never skips) when they are missing. */
class HeadlessBrowserProgramsSpec extends Specification {

    @TempDir Path dir

    def "the variables name the programs"() {
        given:
        def chrome = executable('my-chrome')
        def driver = executable('my-driver')

        expect:
        HeadlessBrowser.find([OCOP_CHROME: chrome.toString(), OCOP_CHROMEDRIVER: driver.toString(), PATH: ''])
                == new HeadlessBrowser.Programs(chrome, driver)
    }

    def "without the variables, the PATH is searched"() {
        given:
        def bin = Files.createDirectory(dir.resolve('bin'))
        executable('bin/chromium')
        executable('bin/chromedriver')

        expect:
        HeadlessBrowser.find([PATH: "/nonexistent:$bin".toString()])
                == new HeadlessBrowser.Programs(bin.resolve('chromium'), bin.resolve('chromedriver'))
    }

    def "nothing found is an error that says what to install"() {
        when:
        HeadlessBrowser.find([PATH: dir.toString()])

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith('Chromium not found: OCOP_CHROME is unset')
        e.message.contains('apt-get install chromium chromium-driver')
        e.message.contains('infra/deploy/test')
    }

    def "a variable naming no program is an error, not a fallback to the PATH"() {
        given:
        def bin = Files.createDirectory(dir.resolve('bin'))
        executable('bin/chromium')
        executable('bin/chromedriver')

        when:
        HeadlessBrowser.find([OCOP_CHROME: '/nonexistent/chrome', PATH: bin.toString()])

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith('OCOP_CHROME=/nonexistent/chrome is not an executable file')
    }

    private Path executable(String name) {
        Path file = dir.resolve(name)
        Files.writeString(file, '#!/bin/sh\n')
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
        file
    }
}
