package org.tongke.platform.cli;

import java.io.PrintWriter;

/** What a component's command says until that component exists. */
final class NotBuilt {
    private NotBuilt() {
    }

    static int report(PrintWriter err, String command) {
        err.println("'" + command + "' is not built yet: nothing was done. See the open issues for its progress.");
        err.println("'" + command + "' 尚未实现，未执行任何操作。");
        err.flush();
        return ExitCodes.FAILED;
    }
}
