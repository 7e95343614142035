/**
 * The database underneath the features: keeping the planner's statistics fresh after the large imports that
 * fill a new school's tables (docs/operations.md, "Statistics after a large import").
 */
package org.doorstep.database;
