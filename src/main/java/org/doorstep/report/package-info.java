/**
 * The leaders' report (issue 13 item 4): how quickly each school reached families and saw children, how
 * visits ended, and how quickly the office took an overdue staff-safety step, over a chosen period, for
 * each school the reader may see and across them. Read only; it owns no table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leaders' report")
package org.doorstep.report;
