/** Where probe libraries are built and packaged, and for which platform. */
package dev.jusdt.plugin.layout;
