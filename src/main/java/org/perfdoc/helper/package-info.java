/**
 * Small rules several stages share and none owns: hashing, the build-reproducibility date, the
 * characters XML can hold.
 */
package org.perfdoc.helper;
