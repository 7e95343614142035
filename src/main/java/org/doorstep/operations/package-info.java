/**
 * What the people who run Doorstep watch: the Prometheus metrics that show whether alerts and timers
 * are keeping up. Health and readiness are configured in application.yml. See docs/operations.md.
 */
package org.doorstep.operations;
