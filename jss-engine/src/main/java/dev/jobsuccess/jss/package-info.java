/**
 * The Job Success Score engine: one pure function from a freelancer's contract records, a
 * snapshot date and parameters to the displayed score (domain.md §d.3, jss-engine-api.md), plus
 * the Top Rated badge rule (§d.3.9). JDK only, integer arithmetic only, no I/O and no clock: the
 * same request gives the same result wherever it runs.
 *
 * <p>{@link dev.jobsuccess.jss.JssEngine} is the entry point; {@link dev.jobsuccess.jss.Badges}
 * evaluates badges from facts the caller gathers across snapshots; {@code dev.jobsuccess.jss.advisor} answers the
 * freelancers' questions beyond one score (forecast, recovery plan, sweep, first score, Top Rated progress, long-term
 * contracts) with the same function.
 */
package dev.jobsuccess.jss;
