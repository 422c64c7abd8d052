package org.tongke.platform.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar by Maven. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TongkeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"classroom-platform " + (version != null ? version : "development build")};
    }
}
