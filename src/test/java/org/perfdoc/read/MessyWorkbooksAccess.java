package org.perfdoc.read;

/** The messy workbooks of this package's tests, for the fuzz targets. */
public final class MessyWorkbooksAccess {
    private MessyWorkbooksAccess() {
    }

    public static byte[] guangzhou() {
        return MessyWorkbooks.guangzhou();
    }
}
