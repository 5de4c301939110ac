package cn.jiandu.browser;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every {@code *BrowserTests} class runs only where Debian's Chromium and its driver are installed. Without them the
 * class is skipped with one line saying how to install them — unless {@code -Djiandu.browser-tests=required} (set by
 * {@code .ci/run}), which makes a missing browser a failure, so CI never silently loses the browser tests.
 * Registered for all tests through {@code META-INF/services} (JUnit's extension auto-detection).
 */
public class BrowserAvailability implements ExecutionCondition {

    static final String INSTALL = "apt-get install chromium chromium-driver fonts-noto-cjk";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()
                || !context.getTestClass().get().getSimpleName().endsWith("BrowserTests")) {
            return ConditionEvaluationResult.enabled("not a browser test class");
        }
        if (Browsers.CHROMIUM.canExecute() && Browsers.CHROMEDRIVER.canExecute()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver present");
        }
        String line = context.getTestClass().get().getSimpleName() + " skipped: no " + missing()
                + " — install with `" + INSTALL + "` (as root) to run the browser tests";
        if (required()) {
            throw new IllegalStateException(line.replace(" skipped:", " cannot run:")
                    + " (-Djiandu.browser-tests=required)");
        }
        // the surefire console shows skipped classes only as counts: say why on the build's own output
        Console.line("[browser-tests] " + line);
        return ConditionEvaluationResult.disabled(line);
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("jiandu.browser-tests", "auto"));
    }

    private static String missing() {
        StringBuilder what = new StringBuilder();
        if (!Browsers.CHROMIUM.canExecute()) {
            what.append(Browsers.CHROMIUM);
        }
        if (!Browsers.CHROMEDRIVER.canExecute()) {
            what.append(what.isEmpty() ? "" : " and ").append(Browsers.CHROMEDRIVER);
        }
        return what.toString();
    }

    /**
     * Writes past surefire's redirect of the test output (System.err goes to a report file): the forked JVM's own
     * standard error reaches Maven's console, even with {@code -q}.
     */
    static final class Console {
        private static final PrintStream NATIVE_ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8);

        private Console() {
        }

        static void line(String text) {
            NATIVE_ERR.println(text);
        }
    }
}
