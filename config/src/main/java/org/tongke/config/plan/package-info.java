/**
 * Following the scheduler's published plan, for every module that does (the signaling server,
 * the recorder): a plan read from a file or the scheduler's {@code GET /api/plan}
 * ({@link org.tongke.config.plan.PlanSource}, into each module's own view of the plan),
 * {@code plan-published} events heard in process ({@link org.tongke.config.plan.PlanEvents}) or
 * over Redis pub/sub ({@link org.tongke.config.plan.RedisPlanEvents}; Lettuce is an optional
 * dependency of this module, the modules that use it bring it), and the reload on each event
 * ({@link org.tongke.config.plan.PlanReloads}) into a {@link org.tongke.config.plan.PlanTarget}.
 */
package org.tongke.config.plan;
