/**
 * What the people who run Doorstep watch: health and readiness (database, job executor) and the
 * Prometheus metrics that show whether alerts and timers are keeping up. See docs/operations.md.
 */
package org.doorstep.operations;
