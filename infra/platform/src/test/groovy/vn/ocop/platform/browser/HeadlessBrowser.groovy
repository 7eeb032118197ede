package vn.ocop.platform.browser

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import org.openqa.selenium.By
import org.openqa.selenium.Cookie
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.ExpectedConditions
import org.openqa.selenium.support.ui.WebDriverWait
import vn.ocop.platform.security.BrowserSession

/**
 * The real Chromium, headless, driven through its chromedriver (Selenium), for specs of server-rendered pages.
 * Both programs come from {@code OCOP_CHROME} / {@code OCOP_CHROMEDRIVER} (exported by the test command's
 * {@code ensure_browser}) or else from the PATH; when they are missing, {@link #start()} fails with a message saying
 * so (a browser spec fails, it is never skipped). Selenium Manager is never asked for anything: both paths are given.
 *
 * <pre>
 * &#64;Shared &#64;AutoCleanup HeadlessBrowser browser = HeadlessBrowser.start()
 * ...
 * browser.signIn(server.URL, TestIdentity.officer(id, '92'))      // the ocop_session cookie for that host
 *        .open(server.URL, '/office?year=2025')
 * browser.waitFor('#chart-coverage rect')
 * browser.findAll('#chart-coverage rect').size() == 5
 * browser.screenshot('office-dashboard')                            // target/screenshots/office-dashboard.png
 * </pre>
 */
class HeadlessBrowser implements AutoCloseable {

    static final String CHROME_VARIABLE = 'OCOP_CHROME'
    static final String DRIVER_VARIABLE = 'OCOP_CHROMEDRIVER'
    static final List<String> CHROME_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
    static final List<String> DRIVER_NAMES = ['chromedriver']
    static final List<String> ARGUMENTS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,2000',
                                           '--lang=vi', '--disable-dev-shm-usage', '--no-first-run',
                                           '--disable-background-networking', '--disable-extensions',
                                           '--disable-component-update', '--disable-sync', '--hide-scrollbars']
    static final Duration WAIT = Duration.ofSeconds(15)
    static final Path SCREENSHOTS = Paths.get('target', 'screenshots')

    final ChromeDriver driver

    private HeadlessBrowser(ChromeDriver driver) {
        this.driver = driver
    }

    /** Chromium and its chromedriver, found as {@link #start()} finds them: the variables, else the PATH. */
    record Programs(Path chrome, Path driver) {}

    /** Starts a headless Chromium; fails (IllegalStateException) with what to install when it cannot be found. */
    static HeadlessBrowser start() {
        Programs programs = find(System.getenv())
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, programs.driver().toString())
        Files.createDirectories(SCREENSHOTS)
        def service = new ChromeDriverService.Builder()
                .usingDriverExecutable(programs.driver().toFile())
                .usingAnyFreePort()
                .withLogFile(Paths.get('target', 'chromedriver.log').toFile())
                .build()
        def options = new ChromeOptions()
        options.setBinary(programs.chrome().toFile())
        options.addArguments(ARGUMENTS)
        new HeadlessBrowser(new ChromeDriver(service, options))
    }

    static Programs find(Map<String, String> environment) {
        List<Path> path = (environment.PATH ?: '').split(File.pathSeparator).findAll().collect { Paths.get(it) }
        Path chrome = program(environment, CHROME_VARIABLE, CHROME_NAMES, path, 'Chromium')
        Path driver = program(environment, DRIVER_VARIABLE, DRIVER_NAMES, path, 'chromedriver')
        new Programs(chrome, driver)
    }

    private static Path program(Map<String, String> environment, String variable, List<String> names, List<Path> path,
                                String what) {
        String configured = environment[variable]
        if (configured) {
            Path file = Paths.get(configured)
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                throw new IllegalStateException("$variable=$configured is not an executable file; point it at $what " +
                        '(infra/deploy/test sets it: see ensure_browser in infra/deploy/lib/common.sh)')
            }
            return file
        }
        Path found = path.collectMany { dir -> names.collect { dir.resolve(it) } }
                .find { Files.isRegularFile(it) && Files.isExecutable(it) }
        if (found == null) {
            throw new IllegalStateException("$what not found: $variable is unset and none of ${names.join(', ')} is " +
                    'on the PATH. The browser specs need a real headless Chromium and its chromedriver: run them through ' +
                    'infra/deploy/test (its ensure_browser installs the Debian packages chromium and chromium-driver), ' +
                    "or install them (apt-get install chromium chromium-driver), or set $CHROME_VARIABLE and $DRIVER_VARIABLE.")
        }
        found
    }

    /** Gives the browser the session cookie (as identity's login sets it) for the host of {@code base}. */
    HeadlessBrowser signIn(Object base, String accessToken) {
        cdp('Network.setCookie', [name: BrowserSession.COOKIE, value: accessToken, url: base.toString(), path: '/',
                                  httpOnly: true, sameSite: 'Strict'])
        this
    }

    /** Forgets every cookie of every site. */
    HeadlessBrowser clearCookies() {
        cdp('Network.clearBrowserCookies', [:])
        this
    }

    /** Opens a page and waits for it to load. */
    HeadlessBrowser open(Object url) {
        driver.get(url.toString())
        this
    }

    HeadlessBrowser open(Object base, String path) {
        open(base.toString().replaceAll('/+$', '') + path)
    }

    /** The first element matching the CSS selector, once it is there and visible. */
    WebElement waitFor(String css, Duration timeout = WAIT) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
    }

    /** Waits until the script (run in the page) returns a true value, e.g. that a chart has drawn its bars. */
    def waitUntil(String condition, Duration timeout = WAIT) {
        new WebDriverWait(driver, timeout).until { script(condition) }
    }

    WebElement find(String css) {
        driver.findElement(By.cssSelector(css))
    }

    List<WebElement> findAll(String css) {
        driver.findElements(By.cssSelector(css))
    }

    /** The visible text of the first element matching the selector. */
    String text(String css) {
        waitFor(css).text
    }

    List<String> texts(String css) {
        findAll(css)*.text
    }

    /** An attribute (or DOM property) of the first element matching the selector. */
    String attribute(String css, String name) {
        find(css).getDomAttribute(name) ?: find(css).getDomProperty(name)
    }

    /** Replaces a field's value by typing {@code text} into it. */
    HeadlessBrowser type(String css, String text) {
        WebElement field = waitFor(css)
        field.clear()
        field.sendKeys(text)
        this
    }

    HeadlessBrowser click(String css) {
        waitFor(css).click()
        this
    }

    /** Clicks (a submit button, a link) and waits until the browser has left the current page and loaded the next. */
    HeadlessBrowser clickAndWait(String css) {
        WebElement page = driver.findElement(By.tagName('html'))
        click(css)
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page))
        new WebDriverWait(driver, WAIT).until { script('return document.readyState') == 'complete' }
        this
    }

    def script(String script, Object... arguments) {
        driver.executeScript(script, arguments)
    }

    String title() {
        driver.title
    }

    URI currentUri() {
        URI.create(driver.currentUrl)
    }

    /** The current page's path and query, e.g. {@code /office/login?next=%2Foffice}. */
    String currentPage() {
        URI uri = currentUri()
        uri.rawPath + (uri.rawQuery == null ? '' : '?' + uri.rawQuery)
    }

    String pageSource() {
        driver.pageSource
    }

    /** A cookie the current page's site holds (HttpOnly ones included), or null. */
    Cookie cookie(String name) {
        driver.manage().getCookieNamed(name)
    }

    Cookie sessionCookie() {
        cookie(BrowserSession.COOKIE)
    }

    /** Saves the whole page (not only the window) as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        if (!(name ==~ /[A-Za-z0-9._-]+/)) {
            throw new IllegalArgumentException("screenshot names are letters, digits, '.', '_' and '-': $name")
        }
        Map metrics = cdp('Page.getLayoutMetrics', [:])
        Map size = (metrics.cssContentSize ?: metrics.contentSize) as Map
        Map shot = cdp('Page.captureScreenshot', [format: 'png', captureBeyondViewport: true, fromSurface: true,
                                                  clip  : [x: 0, y: 0, width: size.width, height: size.height, scale: 1]])
        Path file = SCREENSHOTS.resolve(name + '.png')
        Files.createDirectories(SCREENSHOTS)
        Files.write(file, Base64.decoder.decode(shot.data as String))
        file
    }

    private Map cdp(String command, Map<String, Object> parameters) {
        driver.executeCdpCommand(command, parameters)
    }

    @Override
    void close() {
        driver.quit()
    }
}
