/**
 * The plan checker: judges a plan against the county configuration alone, rule by rule, and
 * lists every broken hard rule with a message that names the school, class, teacher or
 * classroom. It is written apart from the solver on purpose, so that a solver bug cannot hide
 * itself; nothing here reads solver classes. Rules are described in {@code docs/plan-format.md}.
 */
package org.tongke.scheduler.check;
