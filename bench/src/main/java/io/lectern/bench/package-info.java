/** Benchmarks: plain programs that measure and print, started by the scripts beside this module. */
package io.lectern.bench;
