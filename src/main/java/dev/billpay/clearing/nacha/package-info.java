/**
 * NACHA ACH files, outgoing and returned: the record model, a writer that lays out 94-character
 * records exactly as the NACHA Operating Rules (Appendix Three) publish them, a streaming reader
 * that validates a whole file and reports line-numbered problems, a planner that splits entries
 * into files of at most 10,000 lines, return and change codes, and a builder that makes the
 * return or NOC file an RDFI would send back. Pure Java without I/O of its own: callers pass
 * {@link java.io.Reader}s and {@link java.lang.Appendable}s.
 */
package dev.billpay.clearing.nacha;
