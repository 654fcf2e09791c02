/**
 * {@code probe:list}: prints each probe library's probes, like bcc's {@code tplist -v}, with
 * the tools that can attach to each and ready-to-paste commands for them.
 */
package dev.jusdt.plugin.list;
