/**
 * The score advisor: pure functions over the engine that answer the questions freelancers ask (domain.md §d.6) beyond
 * one what-if: how the score will move with no new work ({@link dev.jobsuccess.jss.advisor.Forecast}), how many new
 * contracts bring it to a target ({@link dev.jobsuccess.jss.advisor.RecoveryPlanner}), how one change weighs against
 * histories of different lengths ({@link dev.jobsuccess.jss.advisor.Sweep}), what a first score still needs
 * ({@link dev.jobsuccess.jss.advisor.FirstScore}), how far Top Rated is ({@link dev.jobsuccess.jss.advisor.TopRatedProgress})
 * and what open contracts bring ({@link dev.jobsuccess.jss.advisor.LongTermContracts}).
 *
 * <p>Like the engine: JDK only, no clock, no I/O. Where a caller may not learn a value exactly (a freelancer and their
 * clients' private feedback), the functions take the evaluation as a function, so the caller decides what it may show
 * while these functions decide the dates, candidates and plans.
 */
package dev.jobsuccess.jss.advisor;
