/**
 * Small rules several stages share and none owns: hashing, the build-reproducibility date, the
 * characters XML can hold, the entries of perfdoc's own jar.
 */
package org.perfdoc.helper;
