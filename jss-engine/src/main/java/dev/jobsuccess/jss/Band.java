package dev.jobsuccess.jss;

/** The label a displayed score falls under (domain.md §d.3.5). */
public enum Band {
    TOP,
    SOLID,
    AT_RISK;

    /** The band of a displayed score; null when there is no score. */
    public static Band of(Integer jss) {
        if (jss == null) {
            return null;
        }
        if (jss >= 90) {
            return TOP;
        }
        return jss >= 80 ? SOLID : AT_RISK;
    }
}
